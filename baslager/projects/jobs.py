"""Daily jobs of projects: telling coaches of six-month follow-ups that fall due."""

from datetime import date, time

from django.urls import reverse
from django_tasks import task

from baslager.messaging.models import Channel
from baslager.messaging.periodic import daily
from baslager.messaging.services import message_send, site_link, staff_recipient

from .models import SixMonthFollowUp
from .selectors import FOLLOW_UP_NOTICE


@daily(at=time(7, 0))
@task()
def follow_ups_6m_due(*, day: str) -> int:
    """E-mails the assigned coach once about each unanswered follow-up due within two weeks.

    The e-mail gives the project, the date and a link to sign in, not who it is about.
    """
    follow_ups = (
        SixMonthFollowUp.objects.filter(
            answered_at__isnull=True,
            cancelled_at__isnull=True,
            due_on__lte=date.fromisoformat(day) + FOLLOW_UP_NOTICE,
            assignee__isnull=False,
            assignee__is_active=True,
        )
        .exclude(assignee__email="")
        .select_related("organisation", "assignee", "enrolment__participant", "enrolment__project")
    )
    queued = 0
    for follow_up in follow_ups:
        message = message_send(
            organisation=follow_up.organisation,
            template="follow_up_6m_due",
            recipient=staff_recipient(follow_up.assignee),
            channel=Channel.EMAIL,
            event_key=f"follow_up_6m_due:{follow_up.pk}",
            context={
                "project": follow_up.enrolment.project.name,
                "due_on": follow_up.due_on,
                "link": site_link(
                    reverse("projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk})
                ),
            },
            participant=follow_up.enrolment.participant,
            topic=f"follow_up_6m:{follow_up.pk}",
        )
        queued += message is not None
    return queued
