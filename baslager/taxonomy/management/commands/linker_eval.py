from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from baslager.taxonomy.linker_eval import BadFile, evaluate, read_pairs, read_qrels


class Command(BaseCommand):
    help = (
        "Evaluate the free-text linker on a labelled set of tab-separated files; prints MRR "
        "and success@1, @5 and @10, MRR on the last line."
    )

    def add_arguments(self, parser):
        parser.add_argument("--corpus", type=Path, required=True, help="id<TAB>label lines.")
        parser.add_argument("--queries", type=Path, required=True, help="id<TAB>text lines.")
        parser.add_argument(
            "--qrels", type=Path, required=True, help="query_id<TAB>0<TAB>corpus_id<TAB>1 lines."
        )

    def handle(self, *args, corpus, queries, qrels, **options):
        try:
            result = evaluate(read_pairs(corpus), read_pairs(queries), read_qrels(qrels))
        except (OSError, BadFile) as exc:
            raise CommandError(str(exc)) from exc
        if not result.scored:
            raise CommandError("No query has a right answer in the corpus.")
        self.stdout.write("\n".join(result.lines()))
