"""Demo participants' agreements to reminders, so that the scheduler's 16:00 job prints
tomorrow's reminders on the worker's console in `make run`."""

import random

from baslager.messaging.models import Channel, ConsentHow, ReminderConsent
from baslager.participants.models import Participant, ParticipantStatus

from .batch import Context

# About this share of active participants with a mobile number or e-mail agree.
AGREEING = 0.4


def reminder_consents_load(ctx: Context) -> int:
    rng = random.Random(f"{ctx.seed}:{ctx.spec.key}:reminders")
    participants = (
        Participant.objects.filter(
            organisation=ctx.organisation,
            status=ParticipantStatus.ACTIVE,
            enrolments__isnull=False,
        )
        .exclude(phone="", email="")
        .distinct()
        .order_by("pk")
        .prefetch_related("coaches")
    )
    consents = []
    for participant in participants:
        if rng.random() >= AGREEING:
            continue
        coaches = list(participant.coaches.all())
        consents.append(
            ReminderConsent(
                organisation=ctx.organisation,
                participant=participant,
                channel=Channel.SMS if participant.phone else Channel.EMAIL,
                given_on=max(participant.entry_date, ctx.today.replace(day=1)),
                given_how=rng.choice([ConsentHow.IN_PERSON, ConsentHow.PAPER]),
                recorded_by=coaches[0] if coaches else None,
            )
        )
    ReminderConsent.objects.bulk_create(consents, batch_size=500)
    return len(consents)
