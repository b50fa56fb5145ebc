"""Daily jobs of plans: the reminder the day before a session."""

from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch
from django.utils import timezone
from django_tasks import task

from baslager.messaging.models import ReminderConsent
from baslager.messaging.periodic import daily
from baslager.messaging.services import message_send, participant_recipient
from baslager.participants.models import ParticipantStatus

from .models import Enrolment, Occurrence


@daily(at=time(16, 0))
@task()
def session_reminders(*, day: str) -> int:
    """Reminds participants who agreed to reminders of tomorrow's sessions, once per session.

    The message names the organisation, the time and the place, never the activity's title,
    which may say more about the person than a reminder should.
    """
    tomorrow = date.fromisoformat(day) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, time.min))
    consents = ReminderConsent.objects.filter(withdrawn_on__isnull=True)
    enrolments = (
        Enrolment.objects.filter(
            participant__status=ParticipantStatus.ACTIVE,
            participant__in=consents.values("participant"),
        )
        .select_related("participant")
        .prefetch_related(Prefetch("participant__reminder_consents", queryset=consents))
    )
    occurrences = (
        Occurrence.objects.filter(starts_at__gte=start, starts_at__lt=start + timedelta(days=1))
        .select_related("organisation", "activity")
        .prefetch_related(Prefetch("activity__enrolments", queryset=enrolments))
    )
    queued = 0
    for occurrence in occurrences:
        for enrolment in occurrence.activity.enrolments.all():
            participant = enrolment.participant
            consent = participant.reminder_consents.all()[0]
            recipient = participant_recipient(participant)
            if not recipient.address(consent.channel):
                continue
            message = message_send(
                organisation=occurrence.organisation,
                template="session_reminder",
                recipient=recipient,
                channel=consent.channel,
                event_key=f"session_reminder:{occurrence.pk}:{participant.pk}",
                context={
                    "first_name": participant.first_name,
                    "organisation": occurrence.organisation.name,
                    "starts_at": occurrence.starts_at,
                    "place": occurrence.activity.location,
                },
                participant=participant,
                topic=f"occurrence:{occurrence.pk}",
            )
            queued += message is not None
    return queued
