import signal
import sys
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from baslager.messaging.periodic import daily_jobs, enqueue_due_jobs


class Command(BaseCommand):
    help = (
        "Enqueue the daily jobs (reminders, follow-ups) at their time; the workers "
        "(manage.py db_worker) run them. Several schedulers may run at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Enqueue what is due now, then exit (for cron)."
        )
        parser.add_argument(
            "--interval", type=float, default=30, help="Seconds between looks (default 30)."
        )

    def handle(self, *, once: bool, interval: float, **options):
        # Stopping mid-enqueue is safe: the run's row and its task commit together or not at all.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        if options["verbosity"] > 0:
            for job in daily_jobs():
                self.stdout.write(f"{job.at:%H:%M} {job.name}")
        while True:
            close_old_connections()
            for name in enqueue_due_jobs():
                self.stdout.write(f"Enqueued {name}")
            if once:
                return
            time.sleep(interval)
