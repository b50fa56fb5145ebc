"""Every page a coach and an administrator reach, and the sign-in page, in a real browser at 360
and 1280 px.

Debian's ``chromium`` driven by Playwright opens each page of the URL walk (walk.py builds every
pattern with real objects, so a new page is covered without work here), checks that nothing is
wider than the screen, that the page has one h1, and runs axe-core for WCAG 2.2 AA (which covers
labels, names, language and contrast). The pages are served by pytest-django's live server.
Without a browser the module is skipped with the reason, and the rest of the suite runs. Select it
with ``pytest -m browser``, leave it out with ``-m "not browser"``.
"""

import os
import shutil
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client
from django.urls import reverse

from .walk import build_kwargs_registry, whole_pages

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (see requirements-dev.txt)"
)
axe_playwright = pytest.importorskip(
    "axe_playwright_python.base", reason="axe-playwright-python is not installed"
)
AXE_SCRIPT = axe_playwright.AXE_FILE_PATH

# BASLAGER_CHROMIUM names another Chromium build (on a machine that is not Debian).
CHROMIUM = os.environ.get("BASLAGER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no browser at {CHROMIUM}: install Debian's chromium (apt-get install chromium) to run "
        "the browser tests",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@pytest.fixture(scope="module")
def browser():
    # Playwright's sync API keeps an event loop running in this thread, and Django refuses database
    # work beside a running loop. The test is synchronous throughout, so the guard is lifted here.
    guard = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            yield browser
            browser.close()
    finally:
        if guard is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = guard


def problems_on(page, url: str) -> list[str]:
    """Open ``url`` once and look at it at each width in turn (media queries apply on resize)."""
    page.set_viewport_size({"width": WIDTHS[0], "height": 800})
    response = page.goto(url)
    if response.status != 200:
        return [f"{url}: answered {response.status}"]
    found = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        found += [f"{url} at {width} px: {problem}" for problem in problems_at_this_width(page)]
    return found


def problems_at_this_width(page) -> list[str]:
    found = []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        found.append(f"{overflow} px wider than the screen ({page.evaluate(WIDEST_ELEMENT)})")
    # axe's WCAG rules ask for headings but not for one h1 that names the page.
    headings = page.locator("h1").count()
    if headings != 1:
        found.append(f"{headings} h1 elements")
    # axe-core is loaded into every page by the context (see ``visit``).
    for violation in page.evaluate("options => axe.run(options)", AXE_OPTIONS)["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        found.append(f"{violation['id']} ({violation['impact']}): {targets}")
    return found


# The last element in document order that reaches past the right edge outside any scrolling box,
# to say where an overflow comes from.
WIDEST_ELEMENT = """() => {
  const edge = window.innerWidth;
  const clipped = (element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (getComputedStyle(box).overflowX !== "visible") return true;
    }
    return false;
  };
  let culprit = null;
  for (const element of document.body.querySelectorAll("*")) {
    if (element.getBoundingClientRect().right > edge + 1 && !clipped(element)) culprit = element;
  }
  if (!culprit) return "nothing sticks out";
  const classes = typeof culprit.className === "string" && culprit.className.trim()
    ? "." + culprit.className.trim().split(/\\s+/).join(".") : "";
  const right = Math.round(culprit.getBoundingClientRect().right);
  return `${culprit.tagName.toLowerCase()}${classes} reaches ${right} px`;
}"""


@pytest.mark.parametrize("role", ["coach", "admin"])
def test_every_page_fits_the_screen_and_passes_axe(world, live_server, browser, role):
    registry = build_kwargs_registry(world)
    user = getattr(world, role)
    # Administrators must have a second factor; a registered one lets the session through.
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "test"})
    pages = whole_pages(user, registry)
    assert len(pages) > 40, f"the walk found only {len(pages)} pages for the {role}"

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="sv-SE")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    failures = visit(context, [live_server.url + url for url in pages])
    assert not failures, f"{len(failures)} problems for the {role}:\n" + "\n".join(failures)


def test_the_sign_in_page_fits_the_screen_and_passes_axe(live_server, browser):
    failures = visit(
        browser.new_context(locale="sv-SE"), [live_server.url + reverse("account_login")]
    )
    assert not failures, "\n".join(failures)


def visit(context, urls: list[str]) -> list[str]:
    """Every URL at every width in ``context``, which is closed afterwards; what went wrong."""
    context.add_init_script(path=str(AXE_SCRIPT))
    page = context.new_page()
    try:
        return [problem for url in urls for problem in problems_on(page, url)]
    finally:
        context.close()
