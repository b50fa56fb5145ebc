from datetime import date, datetime, time, timedelta

import pytest
from django.utils import timezone

from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.messaging.models import Channel, Message, MessageStatus
from baslager.messaging.services import reminder_consent_give, reminder_consent_withdraw
from baslager.participants.models import ParticipantStatus, PreferredLanguage, SpecialCategoryData
from baslager.plans.jobs import session_reminders
from baslager.plans.models import Activity, ActivityKind, Enrolment, Occurrence

TODAY = date(2026, 12, 7)
HEALTH = "Ryggbesvär efter olycka"
NOTE = "Berättade om skulder hos Kronofogden"
TITLE = "Samtal om missbruk med Amina"


@pytest.fixture
def participant(world):
    participant = world.participant
    participant.first_name = "Amina"
    participant.email = "amina@example.org"
    participant.phone = "0701234567"
    participant.save()
    SpecialCategoryData.objects.create(
        organisation=world.home, participant=participant, health_notes=HEALTH
    )
    note = CaseNote.objects.create(
        organisation=world.home, participant=participant, author=world.coach
    )
    CaseNoteVersion.objects.create(note=note, text=NOTE, written_by=world.coach)
    return participant


@pytest.fixture
def occurrence(world, participant):
    activity = Activity.objects.create(
        organisation=world.home,
        kind=ActivityKind.COACHING,
        title=TITLE,
        location="Storgatan 1, Gävle",
    )
    Enrolment.objects.create(organisation=world.home, activity=activity, participant=participant)
    return Occurrence.objects.create(
        organisation=world.home,
        activity=activity,
        starts_at=timezone.make_aware(datetime.combine(TODAY + timedelta(days=1), time(9, 30))),
    )


def agree(world, participant, channel):
    return reminder_consent_give(
        participant=participant,
        channel=channel,
        given_on=TODAY - timedelta(days=3),
        given_how="in_person",
        actor=world.coach,
    )


def test_the_day_before_a_session_an_agreed_participant_gets_one_sms(
    worker, world, participant, occurrence, sms_provider
):
    agree(world, participant, Channel.SMS)

    assert session_reminders.call(day=TODAY.isoformat()) == 1
    assert session_reminders.call(day=TODAY.isoformat()) == 0  # the same day's job again
    worker()
    worker()

    [request] = sms_provider.requests
    text = request["form"]["message"]
    assert request["form"]["to"] == "+46701234567"
    assert "Amina" in text
    assert "09:30" in text and "Storgatan 1" in text
    message = Message.objects.get()
    assert message.status == MessageStatus.SENT
    assert message.participant == participant
    assert message.topic == f"occurrence:{occurrence.pk}"


def test_the_reminder_is_in_swedish_unless_the_participant_prefers_english(
    worker, world, participant, occurrence, smtp_inbox
):
    agree(world, participant, Channel.EMAIL)
    session_reminders.call(day=TODAY.isoformat())
    participant.preferred_language = PreferredLanguage.ENGLISH
    participant.save()
    other_day = occurrence.starts_at + timedelta(days=7)
    Occurrence.objects.create(
        organisation=world.home, activity=occurrence.activity, starts_at=other_day
    )
    session_reminders.call(day=(TODAY + timedelta(days=7)).isoformat())
    worker()

    swedish, english = sorted(smtp_inbox.mails, key=lambda mail: "Reminder" in mail.subject)
    assert "Påminnelse" in swedish.subject and "i morgon, 8 december, klockan 09:30" in swedish.body
    assert "Reminder" in english.subject and "tomorrow, 15 December, at 09:30" in english.body


def test_reminders_never_carry_special_category_data_case_notes_or_the_title(
    worker, world, participant, occurrence, smtp_inbox, sms_provider
):
    agree(world, participant, Channel.EMAIL)
    session_reminders.call(day=TODAY.isoformat())
    agree(world, participant, Channel.SMS)
    Message.objects.all().delete()
    session_reminders.call(day=TODAY.isoformat())
    worker()

    texts = [mail.subject + mail.body for mail in smtp_inbox.mails]
    texts += [request["form"]["message"] for request in sms_provider.requests]
    assert texts
    for text in texts:
        for secret in (HEALTH, NOTE, TITLE, participant.last_name, "missbruk"):
            assert secret not in text


def test_no_reminder_after_the_agreement_is_withdrawn(
    worker, world, participant, occurrence, sms_provider
):
    agree(world, participant, Channel.SMS)
    reminder_consent_withdraw(
        participant=participant, withdrawn_on=TODAY, withdrawn_how="phone", actor=world.coach
    )
    assert session_reminders.call(day=TODAY.isoformat()) == 0
    worker()
    assert sms_provider.requests == []
    assert not Message.objects.exists()


def test_no_reminder_without_agreement_for_a_closed_case_or_on_other_days(
    world, participant, occurrence, sms_provider
):
    assert session_reminders.call(day=TODAY.isoformat()) == 0
    agree(world, participant, Channel.SMS)
    assert session_reminders.call(day=(TODAY - timedelta(days=1)).isoformat()) == 0
    participant.status = ParticipantStatus.ENDED
    participant.save()
    assert session_reminders.call(day=TODAY.isoformat()) == 0
