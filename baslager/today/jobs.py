"""The daily job of the start page: each member who asked for it gets their day by e-mail."""

from datetime import date, time

from django.urls import reverse
from django_tasks import task

from baslager.messaging.models import Channel
from baslager.messaging.periodic import daily
from baslager.messaging.services import message_send, site_link, staff_recipient

from .models import DailyDigest
from .selectors import agenda_for


def digest_counts(agenda) -> dict[str, int]:
    """How many of each kind of work wait. The e-mail gives counts and a link, never names:
    whoever reads over the coach's shoulder, or the mail provider, learns nothing about anyone."""
    overdue = agenda.overdue.total if agenda.overdue else 0
    return {
        "sessions_today": len(agenda.sessions_today),
        "sessions_later": len(agenda.sessions_later),
        "follow_ups": len(agenda.six_month_follow_ups),
        "exits": len(agenda.exits_without_situation),
        "call_backs": len(agenda.call_backs),
        "checklists": len(agenda.checklists_due),
        "proposals": len(agenda.proposals_waiting),
        "without_contact": agenda.without_contact.total,
        "overdue": overdue,
    }


@daily(at=time(6, 30))
@task()
def daily_digests(*, day: str) -> int:
    """E-mails each member who chose it what waits for them today and this week, once a day,
    and nothing on a day when nothing waits."""
    on = date.fromisoformat(day)
    digests = DailyDigest.objects.filter(
        membership__user__is_active=True, membership__role__in=("admin", "coach")
    ).select_related("membership__user", "membership__organisation")
    queued = 0
    for digest in digests.exclude(membership__user__email=""):
        membership = digest.membership
        counts = digest_counts(agenda_for(membership, on=on))
        if not any(counts.values()):
            continue
        message = message_send(
            organisation=membership.organisation,
            template="daily_digest",
            recipient=staff_recipient(membership.user),
            channel=Channel.EMAIL,
            event_key=f"daily_digest:{membership.pk}:{day}",
            context={**counts, "day": on, "link": site_link(reverse("core:home"))},
            topic=f"daily_digest:{membership.pk}",
        )
        queued += message is not None
    return queued
