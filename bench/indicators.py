"""ESF+ indicators for a project of 10,000 participants with full histories: every indicator must
compute in under 2 s in all.

Two runs: over records built in memory, and through the database (the participants, their
enrolments, special-category snapshots, situations after exit and six-month follow-ups bulk
inserted, then read back by ``baslager.esf.selectors.participant_records``). The database is
bench/results/indicators.sqlite3 unless DATABASE_URL is set (for PostgreSQL).

    .venv/bin/python bench/indicators.py
    .venv/bin/python bench/indicators.py --participants 10000 --memory-only
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/helper_b .venv/bin/python bench/indicators.py

Figures are printed and saved to bench/results/indicators-<participants>.json.
"""

import argparse
import json
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PROJECT_STARTS, PROJECT_ENDS = date(2023, 1, 1), date(2026, 6, 30)
BUDGET_SECONDS = 2.0


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--memory-only", action="store_true")
    return parser.parse_args()


def configure() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{RESULTS / 'indicators.sqlite3'}")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def history(rng: random.Random) -> dict:
    """One participant's whole stay: characteristics at entry, exit, situations, follow-up."""
    entry = PROJECT_STARTS + timedelta(days=rng.randrange((PROJECT_ENDS - PROJECT_STARTS).days))
    exit_date = entry + timedelta(days=rng.randrange(30, 400))
    left = exit_date <= PROJECT_ENDS and rng.random() < 0.8
    kinds = ["job_seeking", "education", "qualification", "employment", "internship", "other"]
    return {
        "gender": rng.choices(["woman", "man", "other", "not_stated"], [48, 48, 2, 2])[0],
        "birth_date": None
        if rng.random() < 0.02
        else date(1960, 1, 1) + timedelta(days=rng.randrange(365 * 48)),
        "entry_date": entry,
        "exit_date": exit_date if left else None,
        "status": rng.choice(["unemployed", "long_term_unemployed", "inactive", "employed", ""]),
        "education": rng.choice(["isced_0_2", "isced_3_4", "isced_5_8", ""]),
        "homeless": rng.choice(["yes", "no", ""]),
        "rural": rng.choice(["yes", "no", ""]),
        "disability": rng.choice(["yes", "no", "refused", ""]),
        "minority": rng.choice(["yes", "no", "refused", ""]),
        "foreign_background": rng.choice(["yes", "no", "refused", ""]),
        "citizenship": rng.choice(["eu", "third_country", "stateless", ""]),
        "situations": [
            (rng.choice(kinds), exit_date + timedelta(days=rng.randrange(0, 29)))
            for _ in range(rng.randrange(0, 4) if left else 0)
        ],
        "follow_up": (
            rng.choice(["employed", "unemployed", "inactive", "in_education"]),
            *(rng.random() < 0.2 for _ in range(4)),
        )
        if left and rng.random() < 0.7
        else None,
    }


def as_record(person_id: int, h: dict):
    """The record the selector would build from the same history, without the database."""
    from baslager.esf import selectors
    from baslager.esf.records import Situation, SituationKind

    row = (
        person_id,
        person_id,
        h["gender"],
        h["birth_date"],
        f"19{person_id:010d}",
        h["entry_date"],
        h["exit_date"],
        h["status"],
        h["education"],
        h["homeless"],
        h["rural"],
    )
    sensitive = {
        person_id: (h["disability"], h["minority"], h["foreign_background"], h["citizenship"])
    }
    situations = {person_id: [Situation(SituationKind(k), on) for k, on in h["situations"]]}
    follow_ups = {(person_id, h["exit_date"]): h["follow_up"]} if h["follow_up"] else {}
    return selectors._record(row, sensitive, situations, follow_ups)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def time_indicators(records) -> dict:
    from baslager.esf.export import monthly_rows, months_between
    from baslager.esf.indicators import INDICATORS, compute, people_behind

    period = {"starts_on": PROJECT_STARTS, "ends_on": PROJECT_ENDS}
    results, all_at_once = timed(compute, records, **period)
    each = {code: timed(people_behind, code, records, **period)[1] for code in INDICATORS}
    months, export = timed(
        lambda: [
            m.fingerprint
            for m in monthly_rows(records, months_between(PROJECT_STARTS, PROJECT_ENDS))
        ]
    )
    return {
        "compute_all_seconds": round(all_at_once, 4),
        "each_indicator_seconds": {code: round(s, 4) for code, s in each.items()},
        "sum_of_each_seconds": round(sum(each.values()), 4),
        "monthly_export_with_fingerprints_seconds": round(export, 4),
        "totals": {r.indicator.code: r.counts.total for r in results},
    }


def load_database(histories) -> tuple:
    from django.core.management import call_command
    from django.utils import timezone

    from baslager.accounts.models import User
    from baslager.organisations.models import Membership, Organisation, Role
    from baslager.participants.models import Participant
    from baslager.projects.models import (
        EnrolmentSensitiveSnapshot,
        ExitSituation,
        Funder,
        Project,
        ProjectEnrolment,
        SixMonthFollowUp,
    )

    call_command("migrate", verbosity=0)
    organisation = Organisation.objects.create(name="Indicator bench", kommun_code="0180")
    user = User.objects.create_user(
        f"bench-{organisation.pk}@example.invalid", "not-used-anywhere-bench", full_name="Bench"
    )
    membership = Membership.objects.create(user=user, organisation=organisation, role=Role.ADMIN)
    project = Project.objects.create(
        organisation=organisation,
        name="Bench project",
        funder=Funder.ESF_PLUS,
        starts_on=PROJECT_STARTS,
        ends_on=PROJECT_ENDS,
    )
    people = Participant.objects.bulk_create(
        [
            Participant(
                organisation=organisation,
                first_name=f"P{i}",
                last_name="Bench",
                gender=h["gender"],
                birth_date=h["birth_date"],
                id_number=f"19{i + 1:010d}",
                entry_date=h["entry_date"],
            )
            for i, h in enumerate(histories)
        ],
        batch_size=2000,
    )
    enrolments = ProjectEnrolment.objects.bulk_create(
        [
            ProjectEnrolment(
                organisation=organisation,
                participant=person,
                project=project,
                entry_date=h["entry_date"],
                exit_date=h["exit_date"],
                exit_reason="completed" if h["exit_date"] else "",
                employment_status_at_entry=h["status"],
                education_at_entry=h["education"],
                homeless_at_entry=h["homeless"],
                rural_at_entry=h["rural"],
            )
            for person, h in zip(people, histories, strict=True)
        ],
        batch_size=2000,
    )
    EnrolmentSensitiveSnapshot.objects.bulk_create(
        [
            EnrolmentSensitiveSnapshot(
                organisation=organisation,
                enrolment=enrolment,
                disability=h["disability"],
                minority=h["minority"],
                foreign_background=h["foreign_background"],
                citizenship=h["citizenship"],
            )
            for enrolment, h in zip(enrolments, histories, strict=True)
        ],
        batch_size=2000,
    )
    ExitSituation.objects.bulk_create(
        [
            ExitSituation(
                organisation=organisation,
                enrolment=enrolment,
                kind=kind,
                employment_form="ordinary" if kind == "employment" else "",
                occurred_on=on,
                evidence_kind="participant_statement",
            )
            for enrolment, h in zip(enrolments, histories, strict=True)
            for kind, on in h["situations"]
        ],
        batch_size=2000,
    )
    now = timezone.now()
    SixMonthFollowUp.objects.bulk_create(
        [
            SixMonthFollowUp(
                organisation=organisation,
                enrolment=enrolment,
                exit_date=h["exit_date"],
                due_on=h["exit_date"] + timedelta(days=183),
                employment_status=h["follow_up"][0],
                precarious_to_stable=h["follow_up"][1] and h["follow_up"][0] == "employed",
                underemployed_to_full=h["follow_up"][2] and h["follow_up"][0] == "employed",
                higher_competences=h["follow_up"][3] and h["follow_up"][0] == "employed",
                promoted=h["follow_up"][4] and h["follow_up"][0] == "employed",
                answered_at=now,
            )
            for enrolment, h in zip(enrolments, histories, strict=True)
            if h["follow_up"]
        ],
        batch_size=2000,
    )
    return project, membership


def main() -> None:
    options = arguments()
    configure()
    from django.db import connection

    rng = random.Random(options.seed)
    histories = [history(rng) for _ in range(options.participants)]
    records = [as_record(i + 1, h) for i, h in enumerate(histories)]
    figures = {"participants": options.participants, "in_memory": time_indicators(records)}
    if not options.memory_only:
        from baslager.esf.selectors import participant_records

        (project, membership), load = timed(load_database, histories)
        database_records, read = timed(participant_records, project=project, membership=membership)
        figures["database"] = {
            "vendor": connection.vendor,
            "load_seconds": round(load, 2),
            "read_records_seconds": round(read, 4),
            **time_indicators(database_records),
        }
        figures["database"]["read_and_compute_all_seconds"] = round(
            read + figures["database"]["compute_all_seconds"], 4
        )
        figures["database"]["same_totals_as_in_memory"] = (
            figures["database"]["totals"] == figures["in_memory"]["totals"]
        )
    output = RESULTS / f"indicators-{options.participants}.json"
    output.write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    worst = max(
        figures["in_memory"]["compute_all_seconds"],
        figures.get("database", {}).get("read_and_compute_all_seconds", 0),
    )
    print(f"\nevery indicator, worst case: {worst:.3f} s (budget {BUDGET_SECONDS} s)")
    sys.exit(0 if worst < BUDGET_SECONDS else 1)


if __name__ == "__main__":
    main()
