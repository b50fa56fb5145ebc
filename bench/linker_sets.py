"""Evaluation sets for the free-text linker, built from the reference data (never committed).

    .venv/bin/python bench/linker_sets.py [--data ../shared/data] [--out bench/results/linker]
    .venv/bin/python manage.py linker_eval --corpus bench/results/linker/ssyk_corpus.tsv \
        --queries bench/results/linker/ssyk_queries.tsv --qrels bench/results/linker/ssyk_qrels.tsv

Writes three files per set (``<set>_corpus.tsv``, ``<set>_queries.tsv``, ``<set>_qrels.tsv``):

- ``ssyk``: every JobTech occupation name against the labels of the 400 SSYK level-4 groups (a
  title in some words against the official group name: "Krukmakare" → "Musikinstrumentmakare
  och övriga konsthantverkare").
- ``ssyk_defs``: the same queries against group labels with their definitions.
- ``ssyk_heldout``: one occupation name in five held out as a query; the corpus is each group's
  label with its remaining occupation names, so no query is in the corpus it is linked against.
- ``esco``: ESCO alternative labels (English) against ESCO preferred labels, other phrasings of
  the same occupation; labels shared by two occupations are left out.

- ``phrases``: the hand-written Swedish free-text phrases of
  baslager/taxonomy/tests/fixtures/linker_phrases.tsv (``text<TAB>right|answers``, ours, so
  committed) against all 2,412 occupation names.
"""

import argparse
import csv
import io
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "baslager" / "taxonomy" / "tests" / "fixtures" / "linker_phrases.tsv"


def clean(text: str) -> str:
    return " ".join(text.split())


def write_set(out: Path, name: str, corpus, queries, qrels) -> None:
    for suffix, rows in (("corpus", corpus), ("queries", queries), ("qrels", qrels)):
        with (out / f"{name}_{suffix}.tsv").open("w", encoding="utf-8") as file:
            for row in rows:
                file.write("\t".join(clean(str(cell)) for cell in row) + "\n")
    print(f"{name}: {len(corpus)} corpus, {len(queries)} queries, {len(qrels)} qrels")


def ssyk_groups(data: Path) -> list[dict]:
    """Level-4 groups with code, label, definition and occupation names."""
    tree = json.loads((data / "jobtech" / "the-ssyk-hierarchy-with-occupations.json").read_text())
    groups = []

    def walk(node):
        if node.get("type") == "ssyk-level-4":
            names = [
                child
                for child in node.get("narrower", [])
                if child.get("type") == "occupation-name"
            ]
            groups.append({**node, "names": names})
            return
        for child in node.get("narrower", []):
            walk(child)

    for concept in tree["data"]["concepts"]:
        walk(concept)
    return groups


def build_ssyk(data: Path, out: Path) -> None:
    groups = ssyk_groups(data)
    queries, qrels = [], []
    for group in groups:
        for name in group["names"]:
            queries.append((name["id"], name["preferred_label"]))
            qrels.append((name["id"], 0, group["id"], 1))
    labels = [(group["id"], group["preferred_label"]) for group in groups]
    write_set(out, "ssyk", labels, queries, qrels)
    described = [
        (group["id"], f"{group['preferred_label']}. {group.get('definition', '')}")
        for group in groups
    ]
    write_set(out, "ssyk_defs", described, queries, qrels)

    corpus, queries, qrels = [], [], []
    for group in groups:
        names = sorted(group["names"], key=lambda name: name["id"])
        held = [name for position, name in enumerate(names) if position % 5 == 4]
        kept = [name["preferred_label"] for name in names if name not in held]
        corpus.append((group["id"], " / ".join([group["preferred_label"], *kept])))
        for name in held:
            queries.append((name["id"], name["preferred_label"]))
            qrels.append((name["id"], 0, group["id"], 1))
    write_set(out, "ssyk_heldout", corpus, queries, qrels)


def build_esco(data: Path, out: Path) -> None:
    with zipfile.ZipFile(data / "esco" / "esco-v1.1.1-classification-en-csv.zip") as archive:
        raw = archive.read("occupations_en.csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw)))
    corpus = [(row["code"], row["preferredLabel"]) for row in rows]
    owners: dict[str, set[str]] = {}
    for row in rows:
        for alt in row["altLabels"].splitlines():
            if alt.strip():
                owners.setdefault(alt.strip().casefold(), set()).add(row["code"])
    queries, qrels, seen = [], [], set()
    for row in rows:
        for alt in row["altLabels"].splitlines():
            key = alt.strip().casefold()
            if not key or len(owners[key]) > 1 or key in seen:
                continue
            seen.add(key)
            query_id = f"q{len(queries)}"
            queries.append((query_id, alt.strip()))
            qrels.append((query_id, 0, row["code"], 1))
    write_set(out, "esco", corpus, queries, qrels)


def build_phrases(data: Path, out: Path) -> None:
    """The hand-written free-text phrases against every occupation name."""
    names = json.loads((data / "jobtech" / "occupation-names-id.json").read_text())
    corpus = [(concept_id, label) for label, concept_id in names.items()]
    queries, qrels = [], []
    for number, line in enumerate(PHRASES.read_text(encoding="utf-8").splitlines()):
        text, answers = line.split("\t")
        queries.append((f"p{number}", text))
        qrels.extend((f"p{number}", 0, names[answer], 1) for answer in answers.split("|"))
    write_set(out, "phrases", corpus, queries, qrels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "linker")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    build_ssyk(args.data, args.out)
    build_esco(args.data, args.out)
    build_phrases(args.data, args.out)


if __name__ == "__main__":
    main()
