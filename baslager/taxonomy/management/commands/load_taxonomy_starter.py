from django.core.management.base import BaseCommand

from baslager.taxonomy.services import taxonomy_starter_load


class Command(BaseCommand):
    help = "Load the built-in starter taxonomy, unless the real JobTech taxonomy is imported."

    def handle(self, *args, **options):
        record = taxonomy_starter_load()
        if record is None:
            self.stdout.write("The JobTech taxonomy is already imported; nothing to do.")
            return
        counts = ", ".join(f"{name} {count}" for name, count in record.counts.items())
        self.stdout.write(self.style.SUCCESS(f"Loaded {record}: {counts}"))
