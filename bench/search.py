"""Server time of the header's search box, and of the start page, at the scale of the demo.

Uses the database of bench/pages.py (50,000 demo participants unless told otherwise), then
requests each search in-process with Django's test client, DEBUG off, and reports the median and
95th percentile in milliseconds and the number of SQL queries per request.

    .venv/bin/python bench/search.py                          # SQLite, bench/results/bench.sqlite3
    .venv/bin/python bench/search.py --postgres               # PostgreSQL database baslager_bench
    .venv/bin/python bench/search.py --participants 5000 --requests 50

See bench/README.md.
"""

import statistics
import sys
import time

from pages import arguments, configure, database_url, percentile, prepare, report


def searches() -> list[tuple[str, str, str, object, str]]:
    """(what, method, query, user, who) for each measurement: typical searches of a working day,
    built from the demo's own data so that they find something."""
    from allauth.mfa.models import Authenticator

    from baslager.accounts.models import User
    from baslager.employers.models import Employer
    from baslager.participants.models import Participant

    admin = User.objects.get(email="admin@arbetslivskraft.example")
    coach = User.objects.get(email="coach@arbetslivskraft.example")
    # With DEBUG off demo accounts cannot hold a session and administrators need TOTP; in this
    # private database the two act as real staff.
    User.objects.filter(pk__in=[admin.pk, coach.pk]).update(is_demo=False)
    Authenticator.objects.get_or_create(
        user=admin, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench"}}
    )
    mine = Participant.objects.filter(coaches=coach).order_by("pk").first()
    numbered = (
        Participant.objects.filter(coaches=coach).exclude(id_number="").order_by("pk").first()
    )
    employer = (
        Employer.objects.filter(organisation=mine.organisation)
        .exclude(organisation_number="")
        .order_by("pk")
        .first()
    )
    queries = [
        ("first name", "GET", mine.first_name),
        ("full name", "GET", f"{mine.first_name} {mine.last_name}"),
        ("part of a name", "GET", mine.last_name[:3]),
        ("employer's word", "GET", employer.name.split()[0]),
        ("nothing found", "GET", "Qzxwv"),
        ("identity number", "POST", numbered.id_number if numbered else "198705142381"),
        ("organisation number", "POST", employer.organisation_number),
    ]
    return [
        (what, method, query, user, who)
        for user, who in ((admin, "admin"), (coach, "coach"))
        for what, method, query in queries
    ]


def measure(options) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.urls import reverse

    # Without collectstatic there is no manifest; plain static storage costs the same per page.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    url = reverse("search:results")
    rows = searches()
    start_pages = {who: user for _what, _method, _query, user, who in rows}
    rows += [("start page", "HOME", "", user, who) for who, user in start_pages.items()]
    results = []
    with override_settings(STORAGES=storages):
        for what, method, query, user, who in rows:
            client = Client()
            client.force_login(user)

            def request(client=client, method=method, query=query):
                if method == "POST":
                    return client.post(url, {"q": query}, secure=True)
                if method == "HOME":
                    return client.get(reverse("core:home"), secure=True)
                return client.get(url, {"q": query}, secure=True)

            for _ in range(options.warmup):
                response = request()
                if response.status_code != 200:
                    sys.exit(f"{what} as {who}: HTTP {response.status_code}")
            samples = []
            for _ in range(options.requests):
                started = time.perf_counter()
                request()
                samples.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                response = request()
            page = response.content.decode()
            results.append(
                {
                    "search": what,
                    "user": who,
                    "median_ms": round(statistics.median(samples), 1),
                    "p95_ms": round(percentile(samples, 0.95), 1),
                    "queries": len(queries.captured_queries),
                    "groups": page.count('<section class="card" aria-labelledby="search-'),
                }
            )
    return results


SEARCH_COLUMNS = [
    ("search", "search", 20, "<"),
    ("user", "user", 6, "<"),
    ("median_ms", "median ms", 10, ">"),
    ("p95_ms", "p95 ms", 8, ">"),
    ("queries", "queries", 8, ">"),
    ("groups", "groups", 7, ">"),
]


def main() -> None:
    options = arguments()
    configure(database_url(options))
    from django.db import connection

    prepare(options.participants)
    report(measure(options), options, connection.vendor, name="search", columns=SEARCH_COLUMNS)


if __name__ == "__main__":
    main()
