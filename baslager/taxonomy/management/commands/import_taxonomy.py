from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from baslager.taxonomy.jobtech import ExportMissing
from baslager.taxonomy.services import default_data_dir, taxonomy_import


class Command(BaseCommand):
    help = "Import Arbetsförmedlingen's JobTech Taxonomy export (SSYK, occupations, skills, ...)."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Our --version names the taxonomy version and replaces Django's own --version.
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="Folder with the JobTech export files (default: BASLAGER_DATA_DIR/jobtech).",
        )
        parser.add_argument(
            "--version",
            dest="taxonomy_version",
            default="",
            help="Version to record (default: a digest of the files).",
        )

    def handle(self, *args, data_dir=None, taxonomy_version="", **options):
        try:
            record = taxonomy_import(
                data_dir=data_dir or default_data_dir(), version=taxonomy_version
            )
        except ExportMissing as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{name} {count}" for name, count in record.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {record}: {counts}"))
