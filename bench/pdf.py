"""Server time of every PDF of the demo: the first request of a fresh process and warm requests.

Prepares its own SQLite database (never the development or test one) with the demo data at its
ordinary size, then, for each kind of PDF, starts a fresh process that requests the PDF of every
demo project in-process with Django's test client, DEBUG off: the very first request (fonts,
stylesheets and templates not yet loaded) and then warm requests. It reports wall-clock and CPU
milliseconds; on a busy machine the CPU time is the steadier figure.

    .venv/bin/python bench/pdf.py                    # bench/results/pdf.sqlite3
    .venv/bin/python bench/pdf.py --requests 10

See bench/README.md.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pages import configure as configure_django
from pages import percentile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE = RESULTS / "pdf.sqlite3"
PDFS = ("esf:report_pdf", "targets:pdf", "socioeconomics:project_pdf")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5, help="warm requests per PDF")
    parser.add_argument("--measure", choices=PDFS, help=argparse.SUPPRESS)
    return parser.parse_args()


def configure() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    configure_django(f"sqlite:///{DATABASE}")


def prepare() -> None:
    from django.core.management import call_command

    from baslager.demo.services import demo_data_load, demo_participant_counts

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if demo_participant_counts():
        print("Demo data already loaded")
    else:
        started = time.perf_counter()
        demo_data_load()
        print(f"Loaded the demo data in {time.perf_counter() - started:.0f} s")


def administrators():
    """Each demo organisation's administrator, with the TOTP device production requires; with
    DEBUG off demo accounts cannot hold a session, so in this private database they act as real
    staff."""
    from allauth.mfa.models import Authenticator

    from baslager.accounts.models import User

    admins = list(User.objects.filter(email__startswith="admin@").order_by("email"))
    User.objects.filter(pk__in=[admin.pk for admin in admins]).update(is_demo=False)
    for admin in admins:
        Authenticator.objects.get_or_create(
            user=admin, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench"}}
        )
    return admins


def timed(client, url: str) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(url, secure=True)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if response.status_code != 200 or not response.content.startswith(b"%PDF"):
        sys.exit(f"{url}: HTTP {response.status_code}")
    return wall * 1000, cpu * 1000, len(response.content)


def measure(name: str, requests: int) -> dict:
    """In this fresh process: the first request of ``name``, then warm ones for every project."""
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import reverse

    from baslager.organisations.models import Membership
    from baslager.projects.models import Project

    # Without collectstatic there is no manifest; the PDF reads the same files either way.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    rows, first = [], None
    with override_settings(STORAGES=storages):
        for admin in administrators():
            organisation = Membership.objects.get(user=admin).organisation
            client = Client()
            client.force_login(admin)
            for project in Project.objects.filter(organisation=organisation).order_by("pk"):
                url = reverse(name, kwargs={"project": project.pk})
                if first is None:
                    wall, cpu, size = timed(client, url)
                    first = {"wall_ms": round(wall), "cpu_ms": round(cpu)}
                samples = [timed(client, url) for _ in range(requests)]
                walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
                rows.append(
                    {
                        "project": project.name,
                        "median_ms": round(statistics.median(walls)),
                        "p95_ms": round(percentile(walls, 0.95)),
                        "cpu_median_ms": round(statistics.median(cpus)),
                        "kb": round(samples[-1][2] / 1024),
                    }
                )
    return {"pdf": name, "first": first, "warm": rows}


def report(results: list[dict], requests: int) -> None:
    print(f"\nFirst request of a fresh process, then {requests} warm requests per project")
    header = f"{'pdf':28} {'project':36} {'median ms':>9} {'p95 ms':>7} {'cpu ms':>7} {'KB':>5}"
    for result in results:
        first = result["first"]
        print(f"\n{result['pdf']}: first request {first['wall_ms']} ms ({first['cpu_ms']} ms CPU)")
        print(header)
        print("-" * len(header))
        for row in result["warm"]:
            print(
                f"{result['pdf']:28} {row['project'][:36]:36} {row['median_ms']:>9} "
                f"{row['p95_ms']:>7} {row['cpu_median_ms']:>7} {row['kb']:>5}"
            )
    out = RESULTS / "pdf.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nSaved {out.relative_to(ROOT)}")


def main() -> None:
    options = arguments()
    configure()
    if options.measure:
        print(json.dumps(measure(options.measure, options.requests)))
        return
    prepare()
    results = []
    for name in PDFS:
        # A fresh process for each kind, so that each has a first request of its own.
        child = subprocess.run(
            [sys.executable, __file__, "--measure", name, "--requests", str(options.requests)],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(child.stdout.strip().splitlines()[-1]))
    report(results, options.requests)


if __name__ == "__main__":
    main()
