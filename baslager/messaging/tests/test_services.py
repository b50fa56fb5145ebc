from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baslager.messaging.models import Channel, Message, MessageStatus, ReminderConsent
from baslager.messaging.services import (
    message_send,
    participant_recipient,
    reminder_consent_give,
    reminder_consent_withdraw,
    retry_delay,
    staff_recipient,
)
from baslager.messaging.sms import SmsError, normalised_number

LINK = "https://baslager.example/placements/supervisor/s3cret-token-abc/"


@pytest.fixture
def participant(world):
    participant = world.participant
    participant.email = "amina@example.org"
    participant.phone = "070-123 45 67"
    participant.save()
    return participant


def send_link(world, participant, *, channel=Channel.EMAIL, event_key="test:1"):
    return message_send(
        organisation=world.home,
        template="supervisor_link",
        recipient=participant_recipient(participant),
        channel=channel,
        event_key=event_key,
        context={
            "participant": participant.first_name,
            "organisation": world.home.name,
            "link": LINK,
            "expires_on": timezone.localdate() + timedelta(days=30),
        },
        participant=participant,
        actor=world.coach,
    )


def test_an_email_goes_through_the_queue_and_a_real_smtp_server(
    worker, world, participant, smtp_inbox
):
    message = send_link(world, participant)
    assert smtp_inbox.mails == []  # queued, not sent in the request

    worker()

    [mail] = smtp_inbox.mails
    assert mail.to == ["amina@example.org"]
    assert LINK in mail.body
    assert world.home.name in mail.body
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert message.address_masked == "a…@example.org"
    assert message.payload == ""  # nothing of the message is kept once it is sent


def test_the_link_waits_encrypted_not_readable_in_the_database(world, participant):
    message = send_link(world, participant)
    task = DBTaskResult.objects.get()
    assert "s3cret-token-abc" not in message.payload
    assert "amina@example.org" not in message.payload
    assert "s3cret" not in str(task.args_kwargs)
    assert task.args_kwargs == {"args": [], "kwargs": {"message_id": message.pk}}


def test_the_same_event_is_sent_once(worker, world, participant, smtp_inbox):
    assert send_link(world, participant) is not None
    assert send_link(world, participant) is None
    worker()
    worker()
    assert len(smtp_inbox.mails) == 1
    assert Message.objects.count() == 1


def test_an_sms_is_posted_to_46elks(worker, world, participant, sms_provider):
    message = send_link(world, participant, channel=Channel.SMS)
    worker()

    [request] = sms_provider.requests
    assert request["path"] == "/a1/sms"
    assert request["authorization"] == "Basic dS10ZXN0OnAtdGVzdA=="  # u-test:p-test
    assert request["form"]["from"] == "Baslager"
    assert request["form"]["to"] == "+46701234567"
    assert LINK in request["form"]["message"]
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.address_masked == "…567"


def test_a_failure_is_retried_later_each_time_then_given_up(
    worker, world, participant, sms_provider, settings
):
    settings.MESSAGE_MAX_ATTEMPTS = 3
    sms_provider.answer(503)
    message = send_link(world, participant, channel=Channel.SMS)

    worker()
    message.refresh_from_db()
    assert message.status == MessageStatus.RETRYING
    assert message.attempts == 1
    assert "503" in message.last_error
    retry = DBTaskResult.objects.ready().count(), DBTaskResult.objects.filter(status="READY").get()
    assert retry[0] == 0  # not due yet: the worker leaves it
    assert retry[1].run_after == message.next_attempt_at
    assert message.next_attempt_at - timezone.now() > retry_delay(1) - timedelta(seconds=5)

    worker()
    assert len(sms_provider.requests) == 1

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    worker()
    message.refresh_from_db()
    assert message.attempts == 2
    assert retry_delay(2) == 4 * retry_delay(1)

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    worker()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 3
    assert message.payload == ""
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert len(sms_provider.requests) == 3


def test_a_retry_that_succeeds_is_sent(worker, world, participant, sms_provider):
    sms_provider.answer(500)
    message = send_link(world, participant, channel=Channel.SMS)
    worker()
    sms_provider.answer(200)
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    worker()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 2
    assert message.last_error == ""


def test_an_unreachable_mail_server_is_a_failure_to_retry(worker, world, participant, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    settings.EMAIL_TIMEOUT = 2
    message = send_link(world, participant)
    worker()
    message.refresh_from_db()
    assert message.status == MessageStatus.RETRYING
    assert message.last_error


def test_nothing_is_sent_without_an_address(world, participant):
    participant.email = ""
    with pytest.raises(ValidationError):
        send_link(world, participant)
    assert not Message.objects.exists()


def test_staff_get_mail_in_swedish_by_default(worker, world, smtp_inbox):
    message = message_send(
        organisation=world.home,
        template="follow_up_6m_due",
        recipient=staff_recipient(world.coach),
        channel=Channel.EMAIL,
        event_key="test:staff",
        context={"project": "Alla kan", "due_on": timezone.localdate(), "link": LINK},
    )
    worker()
    assert message.language == "sv"
    [mail] = smtp_inbox.mails
    assert "uppföljning" in mail.subject


def test_numbers_become_international():
    assert normalised_number("070-123 45 67") == "+46701234567"
    assert normalised_number("+46 70 123 45 67") == "+46701234567"
    assert normalised_number("0047 912 34 567") == "+4791234567"
    with pytest.raises(SmsError):
        normalised_number("ring mig")


def test_consent_is_given_withdrawn_and_kept_as_history(world, participant):
    today = timezone.localdate()
    first = reminder_consent_give(
        participant=participant,
        channel=Channel.SMS,
        given_on=today - timedelta(days=10),
        given_how="paper",
        actor=world.coach,
    )
    second = reminder_consent_give(
        participant=participant,
        channel=Channel.EMAIL,
        given_on=today - timedelta(days=5),
        given_how="in_person",
        actor=world.coach,
    )
    first.refresh_from_db()
    assert first.withdrawn_on == today - timedelta(days=5)
    withdrawn = reminder_consent_withdraw(
        participant=participant, withdrawn_on=today, withdrawn_how="phone", actor=world.admin
    )
    assert withdrawn == second
    assert withdrawn.withdrawn_by == world.admin
    assert ReminderConsent.objects.filter(participant=participant).count() == 2
    assert not ReminderConsent.objects.filter(withdrawn_on__isnull=True).exists()
    with pytest.raises(ValidationError):
        reminder_consent_withdraw(
            participant=participant, withdrawn_on=today, withdrawn_how="phone", actor=world.coach
        )


def test_consent_needs_the_address_of_its_channel(world, participant):
    participant.phone = ""
    participant.save()
    with pytest.raises(ValidationError) as error:
        reminder_consent_give(
            participant=participant,
            channel=Channel.SMS,
            given_on=timezone.localdate(),
            given_how="paper",
            actor=world.coach,
        )
    assert "channel" in error.value.message_dict


def test_without_an_sms_provider_the_sms_fails_where_the_sender_sees_it(
    worker, world, participant, settings
):
    settings.SMS_BACKEND = "baslager.messaging.sms.NotConfiguredBackend"
    settings.MESSAGE_MAX_ATTEMPTS = 1
    message = send_link(world, participant, channel=Channel.SMS)
    worker()
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED
    assert "No SMS provider is configured" in message.last_error
