"""Walk every URL of the project as each person who must not see ``world.participant``.

Each URL is built with real objects of ``world.home`` tied to ``world.participant`` (see walk.py)
and asked for with GET, GET as htmx and POST with empty data. One test per person collects all
failures and reports them together, each with the URL name.
"""

from django.contrib import admin
from django.test import Client
from django.urls import reverse

from baslager.accounts.tests.helpers import give_totp

from .walk import (
    HEALTH_TEXT,
    NOTE_TEXT,
    ORGANISATION_KWARGS,
    PARTICIPANT_KWARGS,
    build_kwargs_registry,
    participant_data_fingerprint,
    project_routes,
    route_problems,
    sensitive_strings,
    url_for,
)

# Pages any signed-in member may open, whatever their role; they still must not leak.
# A name ending in ":*" opens the whole app.
OPEN_TO_ALL_ROLES = {
    "core:home": "the start page shows each role its own work: a coach's own caseload, a "
    "scout's own leads and campaigns, a viewer's figures with cells under five suppressed",
    "search:results": "searches only the kinds the member's role may open, each through the "
    "access mechanism; identity numbers only from a POST body",
    "core:account": "shows only the signed-in person's own account",
    "organisations:switch": "moves the person between their own organisations",
    "phases:overview": "counts only, with cells under five people suppressed",
    "projects:list": "projects and their figures hold no personal data; funders' viewers read them",
    "projects:detail": "a project's facts and figures, no personal data",
    "taxonomy:*": "JobTech's occupations, skills and languages are shared reference data",
    "proposals:fairness": "proposals and placements by gender and occupational field: counts only, "
    "with cells under five people suppressed",
    "targets:dashboard": "a project's targets against actuals: counts only, cells under five "
    "suppressed for all but administrators",
    "targets:pdf": "the same dashboard as a PDF",
    "targets:excel": "the same dashboard as an Excel workbook",
    "esf:report": "a project's ESF+ indicators: counts only, cells under five suppressed for all "
    "but administrators",
    "esf:report_pdf": "the same ESF+ report as a PDF",
    "esf:report_excel": "the same ESF+ report as an Excel workbook",
    "socioeconomics:calculator": "the socio-economic calculator: parameters and money figures, no "
    "personal data (scouts are refused by role)",
    "socioeconomics:project": "a project's socio-economic value: counts only, a figure resting on "
    "fewer than five people is not shown to viewers (scouts are refused by role)",
    "socioeconomics:project_pdf": "the same project value as a PDF (scouts are refused by role)",
    "socioeconomics:project_excel": "the same project value as an Excel workbook (scouts are "
    "refused by role)",
}

# Pages scouts may open besides those open to all; viewers see aggregates only, so they stay
# refused here. Same ":*" rule as above.
OPEN_TO_SCOUTS = {
    "employers:*": "scouts find and follow up employers, which are organisation data, not "
    "participants' personal data",
    "openings:*": "scouts register the places employers offer; openings are organisation data "
    "about employers, not participants' personal data",
    "outreach:*": "scouts call employers in the campaigns they are callers in (others answer "
    "404 or 403); campaigns hold employer data, not participants' personal data",
    "leads:*": "scouts register employer leads and follow their own; leads are organisation data "
    "about employers, and verifying one is refused to scouts by role",
}

# Pages opened without signing in, with a secret token in the address instead. The walk's token
# is a random guess, so these must answer 404 to everyone, signed in or not.
SECRET_LINK_PAGES = {
    "placements:supervisor": "a placement's supervisor at the employer has no account and opens "
    "the checklists with the link the coach sent",
    "placements:supervisor_tick": "the same supervisor ticks checklist items off from that page",
    "employability:respond": "a participant has no account and answers the self-assessment on "
    "their own phone with the one-time link their coach sent",
    "calendars:ics": "a calendar program (Outlook, Google) has no session and fetches the "
    "member's private feed by its secret address",
}

# Pages other engineers are building; the walk must reach them once they exist.
EXPECTED_ROUTES = {
    "participants:detail",
    "phases:board",
    "plans:plan",
    "journal:notes",
    "audit:log",
}

DENIED = {403, 404, 405}
METHODS = ("GET", "GET htmx", "POST")


def open_to_all(name: str, allowed: dict = OPEN_TO_ALL_ROLES) -> bool:
    return name in allowed or f"{name.split(':')[0]}:*" in allowed


def send(client: Client, method: str, url: str):
    if method == "POST":
        return client.post(url, {})
    if method == "GET htmx":
        return client.get(url, headers={"HX-Request": "true"})
    return client.get(url)


def walkable(world):
    registry = build_kwargs_registry(world)
    routes = project_routes()
    problems = route_problems(routes, registry)
    assert not problems, "\n".join(problems)
    return [(route, url_for(route, registry)) for route in routes]


def walk(world, user, expectation, methods=METHODS, sensitive=None, may_write=False) -> list[str]:
    """Ask for every URL as ``user`` (None: anonymous); returns what went wrong."""
    client = Client()
    if user is not None:
        client.force_login(user)
    urls = walkable(world)
    before = participant_data_fingerprint(world)
    sensitive = sensitive or sensitive_strings(world)
    failures = []
    for route, url in urls:
        for method in methods:
            where = f"{route.name} {method} {url}"
            try:
                response = send(client, method, url)
            except Exception as exc:  # report every failure, not only the first
                failures.append(f"{where}: raised {exc!r}")
                continue
            if problem := expectation(route, response):
                failures.append(f"{where}: {problem}")
            body = response.content.decode(errors="replace")
            if leaked := [text for text in sensitive if text in body]:
                failures.append(f"{where}: shows {leaked} (status {response.status_code})")
    if not may_write and participant_data_fingerprint(world) != before:
        failures.append("the walk changed world.participant's data or world.home's records")
    return failures


def denied(response) -> str | None:
    if response.status_code not in DENIED:
        return f"answered {response.status_code}, expected 403, 404 or 405"
    return None


def no_error(response) -> str | None:
    if response.status_code >= 500:
        return f"answered {response.status_code}"
    return None


def report(failures: list[str]) -> str:
    return f"{len(failures)} problem(s):\n" + "\n".join(failures)


def test_it_can_build_every_url_of_the_project(world):
    registry = build_kwargs_registry(world)
    routes = project_routes()
    assert not route_problems(routes, registry), "\n".join(route_problems(routes, registry))
    names = {route.name for route in routes}
    assert "core:home" in names
    assert not [r for r in routes if r.route.startswith(("accounts/", "operator/", "i18n/"))]
    assert names >= EXPECTED_ROUTES, f"not walked yet: {sorted(EXPECTED_ROUTES - names)}"


def test_it_shows_an_outsider_nothing_of_another_organisation(world):
    give_totp(world.outsider)

    def expectation(route, response):
        # Pages without ids show the outsider's own organisation; any id from home must fail.
        if route.kwarg_names & ORGANISATION_KWARGS:
            return denied(response)
        return no_error(response)

    failures = walk(world, world.outsider, expectation)
    assert not failures, report(failures)


def test_it_shows_scouts_no_participant_data(world):
    def expectation(route, response):
        if open_to_all(route.name, OPEN_TO_SCOUTS):
            return no_error(response)
        return _only_open_pages(route, response)

    failures = walk(world, world.scout, expectation)
    assert not failures, report(failures)


def test_it_shows_viewers_no_participant_data(world):
    failures = walk(world, world.viewer, _only_open_pages)
    assert not failures, report(failures)


def _only_open_pages(route, response):
    return no_error(response) if open_to_all(route.name) else denied(response)


def test_it_keeps_a_coach_out_of_a_colleagues_caseload(world):
    assert not world.home.coaches_see_all_participants
    assert not world.participant.coaches.filter(pk=world.colleague.pk).exists()

    def expectation(route, response):
        if route.kwarg_names & PARTICIPANT_KWARGS:
            return denied(response)
        return no_error(response)

    failures = walk(world, world.colleague, expectation)
    assert not failures, report(failures)


def test_it_keeps_case_notes_and_special_category_data_from_a_colleague_in_an_open_organisation(
    world,
):
    world.home.coaches_see_all_participants = True
    world.home.save()

    def expectation(route, response):
        if "note" in route.kwarg_names:
            return denied(response)
        return no_error(response)

    # In an open organisation every coach may work on every participant: writes are fine here.
    failures = walk(
        world, world.colleague, expectation, sensitive=[NOTE_TEXT, HEALTH_TEXT], may_write=True
    )
    assert not failures, report(failures)


def test_it_sends_anonymous_visitors_to_sign_in(world):
    login = reverse("account_login")

    def expectation(route, response):
        if route.name in SECRET_LINK_PAGES:
            return None if response.status_code in (404, 405) else "a guessed token must answer 404"
        if response.status_code in (403, 405):
            return None
        if response.status_code == 302 and response["Location"].startswith(login):
            return None
        return f"answered {response.status_code}, expected a redirect to {login}"

    failures = walk(world, None, expectation)
    assert not failures, report(failures)


def test_it_reaches_every_view_with_the_walks_objects(world):
    """The other walks mean something only if the objects are right: the administrator of home
    must get past the lookup on every URL, so a 404 above is a refusal, not a wrong id."""
    give_totp(world.admin)

    def expectation(route, response):
        if route.name in SECRET_LINK_PAGES:
            return None if response.status_code in (404, 405) else "a guessed token must answer 404"
        if response.status_code == 404:
            return "answered 404 to home's administrator: fix the objects in walk.py"
        return no_error(response)

    failures = walk(world, world.admin, expectation, methods=("GET",))
    # The administrator may see the participant: only the statuses matter here.
    failures = [f for f in failures if ": shows " not in f]
    assert not failures, report(failures)


def test_it_keeps_members_who_are_not_operators_out_of_the_admin_site(world, client_for):
    client = client_for(world.coach)
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    ]
    admin_login = reverse("admin:login")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(admin_login), url
    page = client.get(reverse("admin:index"), follow=True)
    assert page.resolver_match.url_name == "login"
    assert world.participant.last_name not in page.content.decode()


def test_it_asks_operators_for_a_second_factor_before_the_admin_site(world, client_for):
    world.coach.is_staff = True
    world.coach.save()
    response = client_for(world.coach).get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
