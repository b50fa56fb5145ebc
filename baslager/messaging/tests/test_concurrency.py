"""Several schedulers and several workers at the same moment, each over its own connection."""

import threading
from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from baslager.messaging.models import Channel, Message, MessageStatus, ScheduledRun
from baslager.messaging.periodic import enqueue_due_jobs
from baslager.messaging.services import message_send, participant_recipient

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite lets one writer in at a time, so there is no race to lose",
    ),
    pytest.mark.django_db(transaction=True),
]


def together(count: int, work) -> list:
    """Runs ``work(index)`` in ``count`` threads released at once; returns what they returned."""
    barrier = threading.Barrier(count, timeout=60)
    results: list = []
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results.append(work(index))
        except BaseException as error:  # reported below, with the others
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_eight_schedulers_at_once_enqueue_each_job_once():
    evening = timezone.make_aware(datetime(2026, 12, 7, 17, 0))
    enqueued = together(8, lambda _index: enqueue_due_jobs(evening))
    assert sorted(name for names in enqueued for name in names) == [
        "baslager.plans.jobs.session_reminders",
        "baslager.projects.jobs.follow_ups_6m_due",
        "baslager.today.jobs.daily_digests",
    ]
    assert ScheduledRun.objects.count() == 3
    assert DBTaskResult.objects.count() == 3


def test_three_workers_send_each_message_once(world, smtp_inbox, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    participant = world.participant
    participant.email = "amina@example.org"
    participant.save()
    for number in range(30):
        message_send(
            organisation=world.home,
            template="follow_up_6m_due",
            recipient=participant_recipient(participant),
            channel=Channel.EMAIL,
            event_key=f"race:{number}",
            context={"project": f"P{number}", "due_on": timezone.localdate(), "link": "x"},
        )
    connection.close()

    def drain(index: int) -> None:
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"worker-{index}",
            excluded_queue_names=[],
        ).run()

    together(3, drain)
    assert len(smtp_inbox.mails) == 30
    assert Message.objects.filter(status=MessageStatus.SENT, attempts=1).count() == 30
    workers = {tuple(task.worker_ids) for task in DBTaskResult.objects.all()}
    assert all(len(ids) == 1 for ids in workers)
