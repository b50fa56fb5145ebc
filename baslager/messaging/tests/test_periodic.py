from datetime import datetime, time
from io import StringIO

from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baslager.messaging.models import ScheduledRun
from baslager.messaging.periodic import daily_jobs, enqueue_due_jobs


def at(hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime(2026, 12, 7, hour, minute))


def test_the_apps_jobs_are_found_with_their_times(db):
    jobs = {job.name: job.at for job in daily_jobs()}
    assert jobs["baslager.projects.jobs.follow_ups_6m_due"] == time(7, 0)
    assert jobs["baslager.plans.jobs.session_reminders"] == time(16, 0)
    assert jobs["baslager.today.jobs.daily_digests"] == time(6, 30)


def test_a_job_is_enqueued_once_a_day_at_or_after_its_time(db):
    assert enqueue_due_jobs(at(6, 29)) == []
    assert enqueue_due_jobs(at(6, 59)) == ["baslager.today.jobs.daily_digests"]
    assert enqueue_due_jobs(at(7, 0)) == ["baslager.projects.jobs.follow_ups_6m_due"]
    # A second scheduler, or the same one half a minute later, finds it done for the day.
    assert enqueue_due_jobs(at(7, 0)) == []
    assert enqueue_due_jobs(at(17, 0)) == ["baslager.plans.jobs.session_reminders"]
    assert enqueue_due_jobs(at(23, 0)) == []

    tasks = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.task_path for task in tasks] == [
        "baslager.today.jobs.daily_digests",
        "baslager.projects.jobs.follow_ups_6m_due",
        "baslager.plans.jobs.session_reminders",
    ]
    assert tasks[0].args_kwargs["kwargs"] == {"day": "2026-12-07"}
    assert ScheduledRun.objects.count() == 3


def test_the_scheduler_command_enqueues_what_is_due_and_the_worker_runs_it(worker):
    call_command("run_scheduler", "--once", stdout=StringIO())
    due = [job for job in daily_jobs() if timezone.localtime().time() >= job.at]
    assert DBTaskResult.objects.count() == len(due)
    call_command("run_scheduler", "--once", stdout=StringIO())
    assert DBTaskResult.objects.count() == len(due)
    worker()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == len(due)
