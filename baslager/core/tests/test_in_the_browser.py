"""Every page a coach and an administrator reach, in a real browser at 360 and 1280 px.

Debian's ``chromium`` driven by Playwright opens each page of the URL walk (walk.py builds every
pattern with real objects, so a new page is covered without work here), checks that nothing is
wider than the screen and runs axe-core for WCAG 2.2 AA. The pages are served by pytest-django's
live server. Without a browser the module is skipped with the reason, and the rest of the suite
runs. Select it with ``pytest -m browser``, leave it out with ``-m "not browser"``.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client

from .walk import build_kwargs_registry, project_routes, url_for

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed (see requirements-dev.txt)"
)
axe_playwright = pytest.importorskip(
    "axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed"
)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(
        "no browser: install Debian's chromium (apt-get install chromium) to run the browser tests",
        allow_module_level=True,
    )

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (360, 1280)
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
# Files, not pages: PDFs, workbooks and exports answer with a download.
DOWNLOADS = re.compile(r"(pdf|excel|export|download)")
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


def pages_for(user, registry) -> list[str]:
    """The full HTML pages ``user`` may open: what answers 200 with a whole document to GET."""
    client = Client()
    client.force_login(user)
    pages = []
    for route in project_routes():
        if DOWNLOADS.search(route.name):
            continue
        url = url_for(route, registry)
        response = client.get(url)
        if (
            response.status_code == 200
            and response["Content-Type"].startswith("text/html")
            and response.content.lstrip().lower().startswith(b"<!doctype html>")
        ):
            pages.append(url)
    return pages


def problems_on(page, url: str, width: int) -> list[str]:
    found = []
    response = page.goto(url)
    if response.status != 200:
        return [f"{url} at {width} px: answered {response.status}"]
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 0:
        widest = page.evaluate(WIDEST_ELEMENT)
        found.append(f"{url} at {width} px: {overflow} px wider than the screen ({widest})")
    results = axe_playwright.Axe().run(page, options=AXE_OPTIONS)
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        found.append(f"{url} at {width} px: {violation['id']} ({violation['impact']}): {targets}")
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
    pages = pages_for(user, registry)
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
    failures = []
    try:
        for width in WIDTHS:
            page = context.new_page()
            page.set_viewport_size({"width": width, "height": 800})
            for url in pages:
                failures += problems_on(page, live_server.url + url, width)
            page.close()
    finally:
        context.close()
    assert not failures, f"{len(failures)} problems for the {role}:\n" + "\n".join(failures)
