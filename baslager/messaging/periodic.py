"""Daily jobs for the scheduler (``manage.py run_scheduler``).

An app declares its jobs in ``<app>/jobs.py``: a task that takes the day (an ISO date) and is
idempotent, registered with the time of day it runs::

    @daily(at=time(16, 0))
    @task()
    def session_reminders(*, day: str) -> int: ...

The scheduler enqueues each job once a day, at or after its time; a unique row per job and day
keeps several schedulers from enqueuing it twice, and the job itself sends each message at most
once, so running it again for the same day does nothing more.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks.base import Task

from .models import ScheduledRun


@dataclass(frozen=True)
class DailyJob:
    task: Task
    at: time

    @property
    def name(self) -> str:
        return self.task.module_path


_jobs: dict[str, DailyJob] = {}


def daily(*, at: time):
    def register(job_task: Task) -> Task:
        job = DailyJob(task=job_task, at=at)
        _jobs[job.name] = job
        return job_task

    return register


def daily_jobs() -> list[DailyJob]:
    autodiscover_modules("jobs")
    return sorted(_jobs.values(), key=lambda job: (job.at, job.name))


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueues today's jobs whose time has come and that no scheduler enqueued yet."""
    now = timezone.localtime(now)
    today: date = now.date()
    enqueued = []
    for job in daily_jobs():
        if now.time() < job.at:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, day=today)
                job.task.enqueue(day=today.isoformat())
        except IntegrityError:
            continue
        enqueued.append(job.name)
    return enqueued
