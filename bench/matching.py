"""Matching at scale: one participant's top 10, one opening's top 10, and the top 10 both ways
for everyone, with the speed-up over the per-pair Python reference on a sample.

Prepares its own SQLite database (bench/results/matching.sqlite3): imports the JobTech taxonomy
from --taxonomy unless present, then the demo data with --participants and --openings.

    .venv/bin/python bench/matching.py                      # 50,000 participants, 10,000 openings
    .venv/bin/python bench/matching.py --sample 100 --all-openings

Figures are printed and saved to bench/results/matching-<participants>-<openings>.json.
"""

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=50000)
    parser.add_argument("--openings", type=int, default=10000)
    parser.add_argument("--taxonomy", type=Path, default=ROOT.parent / "shared/data/jobtech")
    parser.add_argument("--sample", type=int, default=200, help="Participants for the reference.")
    parser.add_argument("--queries", type=int, default=200, help="Single rankings to time.")
    parser.add_argument(
        "--all-openings",
        action="store_true",
        help="Match every opening of the demo, not only the open ones (a heavier load).",
    )
    return parser.parse_args()


def configure() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{RESULTS / 'matching.sqlite3'}"
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare(options) -> None:
    from django.core.management import call_command

    from baslager.demo.services import demo_data_load
    from baslager.openings.models import Opening
    from baslager.participants.models import Participant
    from baslager.taxonomy.models import Occupation

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if Occupation.objects.count() < 1000:  # the starter taxonomy, or none
        call_command("import_taxonomy", data_dir=options.taxonomy, verbosity=0)
    present = (Participant.objects.count(), Opening.objects.count())
    if present != (options.participants, options.openings):
        started = time.perf_counter()
        demo_data_load(
            participants=options.participants, openings=options.openings, reset=any(present)
        )
        print(f"Loaded the demo data in {time.perf_counter() - started:.0f} s")


def _ms(samples: list[float]) -> dict:
    ordered = sorted(samples)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
    }


def measure(options) -> dict:
    import numpy as np
    from django.utils import timezone

    from baslager.matching import engine, features, reference, selectors
    from baslager.openings.models import Opening
    from baslager.organisations.models import Membership, Role
    from baslager.participants.models import Participant

    today = timezone.localdate().toordinal()
    rng = random.Random(1)
    result = {"organisations": []}
    started = time.perf_counter()
    dims = features.dimensions()
    batch_seconds = load_seconds = 0.0
    biggest = None
    for organisation_id in (
        Participant.objects.values_list("organisation_id", flat=True).distinct().order_by()
    ):
        t = time.perf_counter()
        o = features.openings_load(
            Opening.objects.filter(organisation_id=organisation_id),
            dims,
            open_only=not options.all_openings,
        )
        p = features.participants_load(
            Participant.objects.filter(organisation_id=organisation_id), dims
        )
        load_seconds += time.perf_counter() - t
        t = time.perf_counter()
        batch = engine.top_both_ways(p, o, today=today, dims=dims)
        batch_seconds += time.perf_counter() - t
        result["organisations"].append({"participants": len(p), "openings": len(o)})
        if biggest is None or len(p) > len(biggest[0]):
            biggest = (p, o, batch, organisation_id)
    result["load_s"] = round(load_seconds, 1)
    result["batch_both_ways_s"] = round(batch_seconds, 1)
    result["batch_with_load_s"] = round(time.perf_counter() - started, 1)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    p, o, batch, organisation_id = biggest
    picks = rng.sample(range(len(p)), min(options.queries, len(p)))
    one = []
    for i in picks:
        t = time.perf_counter()
        engine.top_openings(p, i, o, today=today, dims=dims)
        one.append(time.perf_counter() - t)
    result["one_participant_engine"] = _ms(one)

    # The whole page path: loading the one participant from the database, ranking against the
    # cached openings, explaining the ten and reading their rows.
    admin = Membership.objects.filter(organisation_id=organisation_id, role=Role.ADMIN).first()
    people = Participant.objects.in_bulk([int(p.ids[i]) for i in picks])
    if not options.all_openings:
        selectors.openings_for_participant(
            participant=people[int(p.ids[picks[0]])], membership=admin
        )
        full = []
        for i in picks:
            t = time.perf_counter()
            selectors.openings_for_participant(participant=people[int(p.ids[i])], membership=admin)
            full.append(time.perf_counter() - t)
        result["one_participant_with_database_and_explanations"] = _ms(full)
    opening_picks = rng.sample(range(len(o)), min(options.queries, len(o)))
    one = []
    for j in opening_picks:
        t = time.perf_counter()
        engine.top_participants(p, o, j, today=today, dims=dims)
        one.append(time.perf_counter() - t)
    result["one_opening_engine"] = _ms(one)

    sample = rng.sample(range(len(p)), min(options.sample, len(p)))
    t = time.perf_counter()
    expected = [reference.top_openings(p, i, o, today=today, dims=dims) for i in sample]
    reference_seconds = time.perf_counter() - t
    equal = all(
        [
            (int(j), float(s))
            for j, s in zip(batch.openings_for[i], batch.opening_scores[i], strict=True)
            if j >= 0
        ]
        == want
        for i, want in zip(sample, expected, strict=True)
    )
    opening_sample = rng.sample(range(len(o)), min(3, len(o)))
    equal_openings = all(
        [
            (int(i), float(s))
            for i, s in zip(batch.participants_for[j], batch.participant_scores[j], strict=True)
            if i >= 0
        ]
        == reference.top_participants(p, o, j, today=today, dims=dims)
        for j in opening_sample
    )
    pairs = len(sample) * len(o)
    reference_per_pair = reference_seconds / pairs
    batch_pairs = sum(r["participants"] * r["openings"] for r in result["organisations"])
    batch_per_pair = batch_seconds / batch_pairs
    result["reference"] = {
        "participants": len(sample),
        "pairs": pairs,
        "seconds": round(reference_seconds, 1),
        "us_per_pair": round(reference_per_pair * 1e6, 2),
        "batch_us_per_pair": round(batch_per_pair * 1e6, 4),
        "speed_up": round(reference_per_pair / batch_per_pair),
        "equal_for_participants": equal,
        "equal_for_openings": equal_openings,
        "openings_checked": len(opening_sample),
    }
    result["mean_openings_in_top"] = round(float((batch.openings_for >= 0).sum(1).mean()), 2)
    result["peak_rss_mb_end"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    assert np.all(batch.opening_scores[:, :-1] >= batch.opening_scores[:, 1:])
    return result


def main() -> None:
    options = arguments()
    configure()
    prepare(options)
    result = measure(options)
    result["all_openings"] = options.all_openings
    print(json.dumps(result, indent=2))
    suffix = "-all" if options.all_openings else ""
    out = RESULTS / f"matching-{options.participants}-{options.openings}{suffix}.json"
    out.write_text(json.dumps(result, indent=2))
    print(f"Saved {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
