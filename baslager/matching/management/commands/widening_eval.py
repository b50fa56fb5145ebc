"""Recall@10 of the widening suggestions against a reference of related occupations.

Reference lines are ``occupation_id<TAB>related_occupation_id`` (JobTech concept ids). Pairs
whose related occupation lies in the source's own SSYK level-4 group are left out, since widening
never suggests those, as are pairs naming occupations the taxonomy lacks. Recall@10 of a source
is the share of its related occupations among its ten suggestions, averaged over sources.
"""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from baslager.matching import widening
from baslager.taxonomy.jobtech import export_version
from baslager.taxonomy.models import Occupation, TaxonomyVersion
from baslager.taxonomy.services import JOBTECH_SOURCE

K = 10


class Command(BaseCommand):
    help = "Recall@10 of widening suggestions, beside a plain skill-overlap (Jaccard) baseline."

    def add_arguments(self, parser):
        parser.add_argument("--taxonomy", type=Path, required=True, help="JobTech export folder.")
        parser.add_argument("--reference", type=Path, required=True, help="TSV of related pairs.")
        parser.add_argument(
            "--without-substitutability",
            action="store_true",
            help="Report the method without its substitutability signal on the last line "
            "(use it when the reference is made of substitutability pairs).",
        )

    def handle(self, *args, taxonomy, reference, without_substitutability, **options):
        self._ensure_taxonomy(taxonomy)
        if not reference.is_file():
            raise CommandError(f"Reference file not found: {reference}")
        widening.index_clear()
        index = widening.stored_index()
        row_of_concept = {
            concept_id: index.row_of[pk]
            for concept_id, pk in Occupation.objects.values_list("concept_id", "pk")
            if pk in index.row_of
        }
        related, read, unknown, same_group = _read_reference(reference, row_of_concept, index)
        self.stdout.write(
            f"pairs: {read} read, {sum(map(len, related.values()))} used, "
            f"{same_group} inside the source's own SSYK group, {unknown} with unknown ids"
        )
        self.stdout.write(f"source occupations: {len(related)}")
        if not related:
            raise CommandError("No usable pairs in the reference.")
        rankers = {
            "jaccard baseline": lambda row: widening.jaccard_scores(index, row),
            "widening without substitutability": lambda row: widening.scores(
                index, [row], substitution=False
            ),
            "widening": lambda row: widening.scores(index, [row]),
        }
        results = {}
        for name, ranker in rankers.items():
            results[name] = recall_at_k(related, ranker)
            self.stdout.write(f"{name}: recall@{K} {results[name]:.3f}")
        main = "widening without substitutability" if without_substitutability else "widening"
        self.stdout.write(f"RECALL@{K}={results[main]:.3f}")

    def _ensure_taxonomy(self, data_dir: Path) -> None:
        try:
            version = export_version(data_dir)
        except FileNotFoundError as exc:
            raise CommandError(f"JobTech export file not found: {exc.filename}") from exc
        if not TaxonomyVersion.objects.filter(source=JOBTECH_SOURCE, version=version).exists():
            self.stdout.write(f"importing the taxonomy from {data_dir}")
            call_command("import_taxonomy", data_dir=data_dir, stdout=self.stdout)


def _read_reference(path: Path, row_of_concept: dict[str, int], index):
    related: dict[int, set[int]] = {}
    read = unknown = same_group = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0]:
                continue
            read += 1
            source, target = row_of_concept.get(parts[0]), row_of_concept.get(parts[1])
            if source is None or target is None:
                unknown += 1
            elif source == target or index.group_pks[source] == index.group_pks[target] >= 0:
                same_group += 1
            else:
                related.setdefault(source, set()).add(target)
    return related, read, unknown, same_group


def recall_at_k(related: dict[int, set[int]], ranker) -> float:
    total = 0.0
    for source, targets in related.items():
        found = set(widening.top(ranker(source), K))
        total += len(found & targets) / len(targets)
    return total / len(related)
