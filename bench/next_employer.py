"""How fast a caller gets the next employer of an outreach campaign, alone and in a crowd.

Prepares its own organisation with 20,000 employers, one campaign with all of them as targets
and 100 callers, in a benchmark database (never the development or test one). Then times
``target_take_next`` (the service the call page uses) one caller at a time, and with all 100
callers asking at the same moment over their own connections, checking that no two of them get
the same employer.

    .venv/bin/python bench/next_employer.py             # SQLite, bench/results/outreach.sqlite3
    .venv/bin/python bench/next_employer.py --postgres  # PostgreSQL database baslager_bench

See bench/README.md.
"""

import argparse
import contextlib
import json
import queue
import statistics
import threading
import time

from pages import DEFAULT_PG, RESULTS, ROOT, configure, percentile

ORGANISATION = "Bänkens ringcentral"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employers", type=int, default=20000)
    parser.add_argument("--callers", type=int, default=100)
    parser.add_argument("--serial", type=int, default=300, help="takes timed one at a time")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of all callers at once")
    parser.add_argument(
        "--workers",
        choices=["processes", "threads"],
        default="processes",
        help="what each caller of the crowd runs in (threads share one Python interpreter)",
    )
    parser.add_argument(
        "--postgres",
        nargs="?",
        const=DEFAULT_PG,
        metavar="URL",
        help=f"Use PostgreSQL (default {DEFAULT_PG}); the database is created if missing.",
    )
    return parser.parse_args()


def database_url(options) -> str:
    if options.postgres:
        from pages import database_url as postgres_url

        return postgres_url(options)
    RESULTS.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{RESULTS / 'outreach.sqlite3'}"


def prepare(options):
    """The organisation, its employers and callers (kept between runs when the numbers are the
    same), and a fresh campaign over all employers."""
    from django.core.management import call_command
    from django.db import connection

    from baslager.accounts.models import User
    from baslager.employers.models import Employer
    from baslager.organisations.models import Membership, Organisation, Role
    from baslager.outreach.models import Campaign
    from baslager.outreach.services import campaign_create

    call_command("migrate", verbosity=0)
    organisation, _created = Organisation.objects.get_or_create(name=ORGANISATION)
    employers = Employer.objects.filter(organisation=organisation)
    Campaign.objects.filter(organisation=organisation).delete()
    if employers.count() != options.employers:
        started = time.perf_counter()
        employers.delete()
        Employer.objects.bulk_create(
            (
                Employer(organisation=organisation, name=f"Arbetsgivare {i:05d} AB")
                for i in range(options.employers)
            ),
            batch_size=2000,
        )
        print(f"Created {options.employers} employers in {time.perf_counter() - started:.0f} s")
    emails = [f"caller{i:03d}@bench.example" for i in range(options.callers)]
    User.objects.bulk_create(
        [User(email=email, full_name=email.split("@")[0], password="!") for email in emails],
        ignore_conflicts=True,
    )
    callers = list(User.objects.filter(email__in=emails).order_by("email"))
    Membership.objects.bulk_create(
        [Membership(user=user, organisation=organisation, role=Role.COACH) for user in callers],
        ignore_conflicts=True,
    )
    membership = Membership.objects.get(user=callers[0], organisation=organisation)
    started = time.perf_counter()
    campaign = campaign_create(
        membership=membership,
        actor=callers[0],
        data={"name": "Bänkringning", "callers": callers, "reservation_minutes": 15},
    )
    print(
        f"Campaign with {campaign.targets.count()} targets and {len(callers)} callers "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return campaign, callers


def hang_up(campaign, callers) -> None:
    """Logs a call without answer for every target the callers hold, as callers would before
    taking the next one; not timed."""
    from baslager.outreach.models import CampaignTarget, Outcome
    from baslager.outreach.services import call_log

    by_pk = {caller.pk: caller for caller in callers}
    for target in CampaignTarget.objects.filter(campaign=campaign, reserved_by__isnull=False):
        call_log(target=target, caller=by_pk[target.reserved_by_id], outcome=Outcome.NO_ANSWER)


def serial(campaign, callers, count: int) -> list[float]:
    from baslager.outreach.services import target_take_next

    samples = []
    for i in range(count):
        caller = callers[i % len(callers)]
        started = time.perf_counter()
        target = target_take_next(campaign=campaign, caller=caller)
        samples.append((time.perf_counter() - started) * 1000)
        assert target is not None
        hang_up(campaign, [caller])
    return samples


def crowd(campaign, callers, rounds: int, mode: str) -> tuple[list[float], list[float]]:
    """All callers at once, ``rounds`` times, each in its own process (as web workers are) or
    thread: each take's milliseconds, and each round's."""
    import multiprocessing

    from django.db import connection

    context = multiprocessing.get_context("fork")
    samples: list[float] = []
    walls: list[float] = []
    for _round in range(rounds):
        if mode == "processes":
            barrier, results = context.Barrier(len(callers) + 1), context.Queue()
            workers = [
                context.Process(target=take, args=(campaign, caller, barrier, results))
                for caller in callers
            ]
        else:
            barrier, results = threading.Barrier(len(callers) + 1), queue.Queue()
            workers = [
                threading.Thread(target=take, args=(campaign, caller, barrier, results))
                for caller in callers
            ]
        # PostgreSQL allows 100 connections by default: the callers need them all, and a forked
        # process must not share the parent's.
        connection.close()
        for worker in workers:
            worker.start()
        # A caller that could not start breaks the barrier; its error is among the answers.
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=60)
        started = time.perf_counter()
        answers = [results.get() for _caller in callers]
        walls.append((time.perf_counter() - started) * 1000)
        for worker in workers:
            worker.join()
        if errors := [error for _c, _t, _ms, error in answers if error]:
            raise SystemExit(f"A caller failed: {errors[0]}")
        if len({target for _c, target, _ms, _e in answers}) != len(callers):
            raise SystemExit("Two callers got the same employer.")
        samples += [ms for _c, _t, ms, _e in answers]
        hang_up(campaign, callers)
    return samples, walls


def take(campaign, caller, barrier, results) -> None:
    """One caller of the crowd, on its own connection."""
    from django.db import connection

    from baslager.outreach.services import target_take_next

    try:
        connect_patiently()
        barrier.wait()
        started = time.perf_counter()
        target = target_take_next(campaign=campaign, caller=caller)
        results.put((caller.pk, target.pk, (time.perf_counter() - started) * 1000, None))
    except BaseException as error:
        barrier.abort()  # the others stop waiting for this caller
        results.put((caller.pk, None, 0.0, repr(error)))
    finally:
        connection.close()


def connect_patiently() -> None:
    """Waits for a free connection slot rather than failing while the last round closes."""
    from django.db import OperationalError, connection

    for _attempt in range(100):
        try:
            connection.ensure_connection()
            return
        except OperationalError:
            time.sleep(0.05)
    connection.ensure_connection()


def row(label: str, samples: list[float]) -> dict:
    return {
        "measure": label,
        "n": len(samples),
        "median_ms": round(statistics.median(samples), 1),
        "p95_ms": round(percentile(samples, 0.95), 1),
        "max_ms": round(max(samples), 1),
    }


def report(rows: list[dict], options, vendor: str) -> None:
    header = f"{'measure':34} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}"
    print(f"\n{vendor}, {options.employers} employers, {options.callers} callers")
    print(header)
    print("-" * len(header))
    for line in rows:
        print(
            f"{line['measure']:34} {line['n']:>5} {line['median_ms']:>10} {line['p95_ms']:>8} "
            f"{line['max_ms']:>8}"
        )
    out = RESULTS / f"next-employer-{vendor}-{options.employers}-{options.workers}.json"
    out.write_text(json.dumps(rows, indent=2))
    print(f"\nSaved {out.relative_to(ROOT)}")


def main() -> None:
    options = arguments()
    configure(database_url(options))
    from django.db import connection

    campaign, callers = prepare(options)
    serial_samples = serial(campaign, callers, options.serial)
    crowd_samples, walls = crowd(campaign, callers, options.rounds, options.workers)
    report(
        [
            row("one caller at a time", serial_samples),
            row(f"{len(callers)} {options.workers} at once: each", crowd_samples),
            row(f"{len(callers)} {options.workers} at once: round", walls),
        ],
        options,
        connection.vendor,
    )
    print("No two callers got the same employer.")


if __name__ == "__main__":
    main()
