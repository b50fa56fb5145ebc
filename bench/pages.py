"""Server time of the pages that grow with the number of participants.

Prepares its own database (never the development or test one), loads the demo data at scale,
then requests each page in-process with Django's test client, DEBUG off, and reports the
median and 95th percentile in milliseconds and the number of SQL queries per request.

    .venv/bin/python bench/pages.py                          # SQLite, bench/results/bench.sqlite3
    .venv/bin/python bench/pages.py --postgres               # PostgreSQL database baslager_bench
    .venv/bin/python bench/pages.py --participants 5000 --requests 50

See bench/README.md.
"""

import argparse
import json
import math
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432/baslager_bench"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50000)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=DEFAULT_PG,
        metavar="URL",
        help=f"Use PostgreSQL (default {DEFAULT_PG}); the database is created if missing.",
    )
    return parser.parse_args()


def database_url(options) -> str:
    if not options.postgres:
        RESULTS.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{RESULTS / 'bench.sqlite3'}"
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(options.postgres)
    name = config["NAME"]
    # The benchmark replaces demo data; keep it away from databases people work in.
    if "bench" not in name:
        sys.exit(f"Refusing database {name!r}: its name must contain 'bench'.")
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{name}"')
    return options.postgres


def configure(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import warnings

    import django

    # WhiteNoise's note that collectstatic has not run; the pages are measured, not the files.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
    django.setup()


def prepare(participants: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from baslager.demo.services import (
        demo_data_load,
        demo_participant_counts,
        demo_participant_split,
    )

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    present = demo_participant_counts()
    if present == demo_participant_split(total=participants):
        print(f"Demo data already loaded: {present}")
    else:
        started = time.perf_counter()
        demo_data_load(participants=participants, reset=bool(present))
        print(f"Loaded {participants} participants in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would have gathered them in a running system.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def pages() -> list[tuple[str, str, object, str]]:
    """(page, URL, user, who) for each measurement."""
    from allauth.mfa.models import Authenticator
    from django.urls import reverse

    from baslager.accounts.models import User
    from baslager.participants.models import Participant

    admin = User.objects.get(email="admin@arbetslivskraft.example")
    coach = User.objects.get(email="coach@arbetslivskraft.example")
    # With DEBUG off demo accounts cannot hold a session and administrators need TOTP; in this
    # private database the two act as real staff.
    User.objects.filter(pk__in=[admin.pk, coach.pk]).update(is_demo=False)
    Authenticator.objects.get_or_create(
        user=admin, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench"}}
    )
    caseload = Participant.objects.filter(coaches=coach).order_by("pk")
    participant = caseload.filter(special_category_data__isnull=False).first() or caseload.first()
    detail = reverse("participants:detail", kwargs={"participant": participant.public_id})
    special = reverse(
        "participants:special_category", kwargs={"participant": participant.public_id}
    )
    board = reverse("phases:board")
    listing = reverse("participants:list")
    rows = []
    for user, who in ((admin, "admin"), (coach, "coach")):
        rows += [
            ("phases:board", board, user, who),
            ("participants:list", listing, user, who),
            ("participants:detail", detail, user, who),
            ("participants:special_category", special, user, who),
        ]
    return rows


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def measure(options) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    # Without collectstatic there is no manifest; plain static storage costs the same per page.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    results = []
    with override_settings(STORAGES=storages):
        for name, url, user, who in pages():
            client = Client()
            client.force_login(user)
            for _ in range(options.warmup):
                response = client.get(url, secure=True)
                if response.status_code != 200:
                    sys.exit(
                        f"{name} as {who}: HTTP {response.status_code} "
                        f"{response.get('Location', '')}"
                    )
            samples = []
            for _ in range(options.requests):
                started = time.perf_counter()
                response = client.get(url, secure=True)
                samples.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, secure=True)
            results.append(
                {
                    "page": name,
                    "user": who,
                    "median_ms": round(statistics.median(samples), 1),
                    "p95_ms": round(percentile(samples, 0.95), 1),
                    "queries": len(queries.captured_queries),
                    "kb": round(len(response.content) / 1024, 1),
                }
            )
    return results


# (key, heading, width, alignment) of each column of the printed table.
PAGE_COLUMNS = [
    ("page", "page", 32, "<"),
    ("user", "user", 6, "<"),
    ("median_ms", "median ms", 10, ">"),
    ("p95_ms", "p95 ms", 8, ">"),
    ("queries", "queries", 8, ">"),
    ("kb", "KB", 7, ">"),
]


def report(
    results: list[dict], options, vendor: str, *, name: str = "pages", columns=PAGE_COLUMNS
) -> None:
    """Prints ``results`` as a table and saves them in bench/results/<name>-<vendor>-<size>.json."""
    header = " ".join(f"{title:{align}{width}}" for _key, title, width, align in columns)
    print(f"\n{vendor}, {options.participants} participants, {options.requests} requests each")
    print(header)
    print("-" * len(header))
    for row in results:
        print(" ".join(f"{row[key]!s:{align}{width}}" for key, _title, width, align in columns))
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}-{vendor}-{options.participants}.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nSaved {out.relative_to(ROOT)}")


def main() -> None:
    options = arguments()
    configure(database_url(options))
    from django.db import connection

    prepare(options.participants)
    report(measure(options), options, connection.vendor)


if __name__ == "__main__":
    main()
