"""Reference sets for widening_eval, built from the reference data (never committed).

    .venv/bin/python bench/widening_sets.py [--data ../shared/data] [--out bench/results/widening]

Writes tab-separated ``occupation_id<TAB>related_occupation_id`` files (JobTech occupation-name
concept ids):

- ``substitutability.tsv``: JobTech's substitutability relations, a pair (A, B) when A can do
  B's work (B lists A as a substitute, at 25 % or 75 %). The widening method uses these very
  relations as a signal, so on this set evaluate it ``--without-substitutability``.
- ``esco.tsv``: independent of JobTech's skills and substitutability. Each SSYK level-4 group is
  mapped to its ISCO-08 groups (JobTech's SSYK→ISCO bridge); its ESCO profile is, per ESCO skill,
  the share of the ESCO occupations in those ISCO groups that hold the skill as essential
  (ESCO's occupation–skill relations, English). Each occupation name is related to every
  occupation name of the ``--groups`` SSYK groups (default 3) with the most similar ESCO profile
  (cosine, at least ``--min-cosine``), its own group aside.
"""

import argparse
import csv
import io
import json
import math
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def concepts(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["data"]["concepts"]


def occupations_by_group(jobtech: Path) -> dict[str, list[str]]:
    """SSYK level-4 code → occupation-name ids."""
    names: dict[str, list[str]] = defaultdict(list)

    def walk(nodes, code=None):
        for node in nodes:
            if node.get("type") == "occupation-name":
                names[code].append(node["id"])
            else:
                walk(node.get("narrower") or [], node.get("ssyk_code_2012"))

    walk(concepts(jobtech / "the-ssyk-hierarchy-with-occupations.json"))
    return names


def substitutability_pairs(jobtech: Path) -> set[tuple[str, str]]:
    pairs = set()
    for concept in concepts(jobtech / "substitutability-relations-between-occupations.json"):
        for other in concept.get("substituted_by") or []:
            pairs.add((other["id"], concept["id"]))
        for other in concept.get("substitutes") or []:
            pairs.add((concept["id"], other["id"]))
    return pairs


def csv_rows(archive: Path, suffix: str):
    with zipfile.ZipFile(archive) as opened:
        name = next(n for n in opened.namelist() if n.endswith(suffix))
        with opened.open(name) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))


def esco_group_profiles(data: Path) -> dict[str, dict[str, float]]:
    """SSYK level-4 code → ESCO skill → share of the mapped ESCO occupations holding it."""
    isco_of = {}
    for row in csv_rows(
        data / "esco" / "esco-v1.1.1-classification-en-csv.zip", "occupations_en.csv"
    ):
        isco_of[row["conceptUri"]] = row["iscoGroup"]
    essential: dict[str, set[str]] = defaultdict(set)
    for row in csv_rows(
        data / "esco" / "esco-v1.1.1-relations-csv.zip", "occupationSkillRelations.csv"
    ):
        if row["relationType"] == "essential" and row["occupationUri"] in isco_of:
            essential[row["occupationUri"]].add(row["skillUri"])
    occupations_of_isco: dict[str, list[str]] = defaultdict(list)
    for uri, isco in isco_of.items():
        occupations_of_isco[isco].append(uri)
    bridge = concepts(data / "jobtech" / "ssyk-level-4-with-related-isco-level-4-groups.json")
    profiles = {}
    for group in bridge:
        uris = [
            uri
            for related in group.get("related") or []
            if related.get("isco_code_08")
            for uri in occupations_of_isco.get(related["isco_code_08"], [])
        ]
        counts: dict[str, float] = defaultdict(float)
        for uri in uris:
            for skill in essential.get(uri, ()):
                counts[skill] += 1 / len(uris)
        if counts:
            profiles[group["ssyk_code_2012"]] = dict(counts)
    return profiles


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(value * b.get(key, 0.0) for key, value in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def esco_pairs(data: Path, groups: int, min_cosine: float) -> set[tuple[str, str]]:
    names = occupations_by_group(data / "jobtech")
    profiles = esco_group_profiles(data)
    pairs = set()
    for code, profile in profiles.items():
        nearest = sorted(
            (
                (cosine(profile, other), other_code)
                for other_code, other in profiles.items()
                if other_code != code
            ),
            reverse=True,
        )[:groups]
        for similarity, other_code in nearest:
            if similarity < min_cosine:
                continue
            for source in names.get(code, ()):
                for target in names.get(other_code, ()):
                    pairs.add((source, target))
    return pairs


def write(path: Path, pairs: set[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as file:
        for source, target in sorted(pairs):
            file.write(f"{source}\t{target}\n")
    print(f"{path}: {len(pairs)} pairs, {len({s for s, _ in pairs})} source occupations")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "widening")
    parser.add_argument("--groups", type=int, default=3)
    parser.add_argument("--min-cosine", type=float, default=0.2)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    write(options.out / "substitutability.tsv", substitutability_pairs(options.data / "jobtech"))
    write(
        options.out / "esco.tsv",
        esco_pairs(options.data, groups=options.groups, min_cosine=options.min_cosine),
    )


if __name__ == "__main__":
    main()
