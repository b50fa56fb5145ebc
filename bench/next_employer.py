"""How fast a caller gets the next employer of an outreach campaign, alone and in a crowd.

Prepares its own organisation with 20,000 employers, one campaign with all of them as targets
and 100 callers, in a benchmark database (never the development or test one). Then times
``target_take_next`` (the service the call page uses) one caller at a time, with all 100
callers asking at the same moment over their own connections, and with all 100 working steadily
(take, call for a while, log the call, take the next), checking that no two of them ever hold
the same employer.

    .venv/bin/python bench/next_employer.py             # SQLite, bench/results/outreach.sqlite3
    .venv/bin/python bench/next_employer.py --postgres  # PostgreSQL database baslager_bench

See bench/README.md.
"""

import argparse
import contextlib
import itertools
import json
import queue
import random
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
        "--steady", type=float, default=20, help="seconds of steady calling (0: skip it)"
    )
    parser.add_argument(
        "--call",
        type=float,
        nargs=2,
        default=(0.5, 2.0),
        metavar=("MIN", "MAX"),
        help="seconds one call lasts in the steady run, uniformly at random",
    )
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


def steady(campaign, callers, options) -> tuple[list[float], list[float], int]:
    """All callers working for ``options.steady`` seconds: each takes the next employer, is on
    the phone for a random while, logs "no answer" and takes the next. Milliseconds of each
    take and of each logged call, and how many employers were held twice at once (must be 0)."""
    import multiprocessing

    from django.db import connection

    context = multiprocessing.get_context("fork")
    barrier, results = (
        (context.Barrier(len(callers) + 1), context.Queue())
        if options.workers == "processes"
        else (threading.Barrier(len(callers) + 1), queue.Queue())
    )
    start = context.Process if options.workers == "processes" else threading.Thread
    workers = [
        start(target=work, args=(campaign, caller, options, barrier, results)) for caller in callers
    ]
    connection.close()  # as in crowd(): the callers need every connection
    for worker in workers:
        worker.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(timeout=60)
    answers = [results.get() for _caller in callers]
    for worker in workers:
        worker.join()
    if errors := [error for _calls, error in answers if error]:
        raise SystemExit(f"A caller failed: {errors[0]}")
    calls = [call for calls, _error in answers for call in calls]
    return [c[2] for c in calls], [c[3] for c in calls], double_holds(calls)


def work(campaign, caller, options, barrier, results) -> None:
    """One caller of the steady run. Each call is (caller, target, take ms, log ms, held from,
    held to): from the moment the take answered to the moment the log began, the caller
    certainly held the target."""
    from django.db import connection

    from baslager.outreach.models import Outcome
    from baslager.outreach.services import call_log, target_take_next

    calls, step = [], "connect"
    try:
        connect_patiently()
        barrier.wait()
        deadline = time.monotonic() + options.steady
        # Callers do not all start with an empty desk at the same instant.
        time.sleep(random.uniform(0, options.call[1]))
        while time.monotonic() < deadline:
            step, started = "take", time.monotonic()
            target = target_take_next(campaign=campaign, caller=caller)
            taken = time.monotonic()
            time.sleep(random.uniform(*options.call))
            step, logging = "log", time.monotonic()
            call_log(target=target, caller=caller, outcome=Outcome.NO_ANSWER)
            logged = time.monotonic()
            calls.append(
                (caller.pk, target.pk, (taken - started) * 1000, (logged - logging) * 1000)
                + (taken, logging)
            )
        results.put((calls, None))
    except BaseException as error:
        barrier.abort()
        results.put((calls, f"{step}: {error!r}"))
    finally:
        connection.close()


def double_holds(calls) -> int:
    """Targets two callers held at the same moment (``time.monotonic`` is one clock for every
    process of the machine)."""
    by_target: dict[int, list[tuple[float, float]]] = {}
    for _caller, target, _take, _log, held_from, held_to in calls:
        by_target.setdefault(target, []).append((held_from, held_to))
    # Sorted by start, any overlap shows between neighbours.
    return sum(
        1
        for holds in by_target.values()
        for (_from, earlier_to), (later_from, _to) in itertools.pairwise(sorted(holds))
        if later_from < earlier_to
    )


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
    rows = [
        row("one caller at a time", serial_samples),
        row(f"{len(callers)} {options.workers} at once: each", crowd_samples),
        row(f"{len(callers)} {options.workers} at once: round", walls),
    ]
    failure = None
    if options.steady:
        try:
            takes, logs, doubles = steady(campaign, callers, options)
        except SystemExit as error:  # a caller failed: still report what was measured before
            failure = f"Steady run: {error}"
        else:
            if doubles:
                raise SystemExit(f"{doubles} times two callers held the same employer at once.")
            low, high = options.call
            rows += [
                row(f"steady, calls of {low:g}-{high:g} s: take", takes),
                row(f"steady, calls of {low:g}-{high:g} s: log call", logs),
            ]
            print(f"Steady run: {len(takes) / options.steady:.0f} takes a second")
    report(rows, options, connection.vendor)
    if failure:
        raise SystemExit(failure)
    print("No two callers got or held the same employer.")


if __name__ == "__main__":
    main()
