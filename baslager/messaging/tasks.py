"""Work for the queue's workers (``manage.py db_worker``)."""

from django_tasks import task

from . import services


@task()
def deliver_message(*, message_id: int) -> str:
    """Delivers one message; after a failure the task queues itself again, later each time."""
    retry_at = services.message_deliver(message_id=message_id)
    if retry_at is not None:
        deliver_message.using(run_after=retry_at).enqueue(message_id=message_id)
        return "retry"
    return "done"
