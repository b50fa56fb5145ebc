"""Sending templated messages for events, delivering them with retries, and consent to reminders.

``message_send`` is the one way to send: it records a ``Message`` for the event and leaves the
delivery to a worker. The same ``event_key`` twice sends nothing the second time.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.organisations.models import Organisation
from baslager.participants.models import Participant, ParticipantStatus

from . import sms, tasks
from .models import (
    Channel,
    Message,
    MessageStatus,
    RecipientKind,
    ReminderConsent,
)
from .payload import seal, unseal


@dataclass(frozen=True)
class Recipient:
    kind: str
    pk: int
    name: str = ""
    email: str = ""
    phone: str = ""
    language: str = ""

    def address(self, channel: str) -> str:
        return self.email if channel == Channel.EMAIL else self.phone


def participant_recipient(participant: Participant) -> Recipient:
    return Recipient(
        kind=RecipientKind.PARTICIPANT,
        pk=participant.pk,
        name=participant.first_name,
        email=participant.email,
        phone=participant.phone,
        language=participant.preferred_language,
    )


def staff_recipient(user: User) -> Recipient:
    return Recipient(kind=RecipientKind.STAFF, pk=user.pk, name=str(user), email=user.email)


def masked(address: str, channel: str) -> str:
    """Enough of the address to tell which one it was, not enough to use it."""
    if channel == Channel.EMAIL:
        local, _at, domain = address.partition("@")
        return f"{local[:1]}…@{domain}"
    digits = "".join(ch for ch in address if ch.isdigit())
    return f"…{digits[-3:]}"


def message_language(preferred: str) -> str:
    """The recipient's language when the interface speaks it, Swedish otherwise."""
    available = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in available else settings.LANGUAGE_CODE


def site_link(path: str) -> str:
    """An absolute link for a message: workers have no request to build one from."""
    return settings.SITE_URL + path


@transaction.atomic
def message_send(
    *,
    organisation: Organisation,
    template: str,
    recipient: Recipient,
    channel: str,
    event_key: str,
    context: dict,
    participant: Participant | None = None,
    topic: str = "",
    actor: User | None = None,
) -> Message | None:
    """Queues ``template`` for ``recipient`` by ``channel`` unless ``event_key`` was sent already.

    Returns the new message, or None when the event already has one. ``context`` holds the
    template's values; it must never hold special-category data or case notes.
    """
    address = recipient.address(channel)
    if not address:
        raise ValidationError(_("There is no address to send to."), code="no_address")
    if Message.objects.filter(event_key=event_key).exists():
        return None
    try:
        with transaction.atomic():
            message = Message.objects.create(
                organisation=organisation,
                event_key=event_key,
                template_key=template,
                channel=channel,
                language=message_language(recipient.language),
                participant=participant,
                recipient_kind=recipient.kind,
                recipient_id=recipient.pk,
                recipient_name=recipient.name,
                address_masked=masked(address, channel),
                topic=topic,
                payload=seal({"to": address, "context": context}),
                created_by=actor,
            )
    except IntegrityError:
        # Another worker queued the same event between the check and the insert.
        return None
    # The queue's row is written in this transaction, so a rolled-back send leaves no task.
    tasks.deliver_message.enqueue(message_id=message.pk)
    return message


def render_message(*, template: str, channel: str, language: str, context: dict) -> tuple:
    """(subject, body) of ``template`` in ``language``; SMS have no subject."""
    with translation.override(language):
        body = render_to_string(f"messages/{template}/{channel}.txt", context).strip()
        subject = ""
        if channel == Channel.EMAIL:
            subject = render_to_string(f"messages/{template}/subject.txt", context)
            subject = " ".join(subject.split())
    return subject, body


def _deliver(*, channel: str, to: str, subject: str, body: str) -> None:
    if channel == Channel.EMAIL:
        EmailMessage(subject=subject, body=body, to=[to]).send()
    else:
        sms.get_backend().send(to=to, message=body)


def retry_delay(attempts: int) -> timedelta:
    """1, 4, 16, 64 … minutes after the first, second, third … failed attempt."""
    return timedelta(seconds=settings.MESSAGE_RETRY_BASE_SECONDS * 4 ** (attempts - 1))


def _claim(message_id: int) -> Message | None:
    """Marks a waiting message as being sent, so that no other worker sends it too."""
    with transaction.atomic():
        message = (
            Message.objects.select_for_update()
            .filter(pk=message_id, status__in=[MessageStatus.QUEUED, MessageStatus.RETRYING])
            .first()
        )
        if message is None:
            return None
        message.status = MessageStatus.SENDING
        message.attempts += 1
        message.next_attempt_at = None
        message.save(update_fields=["status", "attempts", "next_attempt_at"])
    return message


def message_deliver(*, message_id: int) -> datetime | None:
    """One attempt to deliver the message. Returns when to try again, or None when done.

    The network call runs outside any transaction, so a slow mail server holds no lock. A worker
    that dies mid-send leaves the message "sending": it is not sent again, because sending twice
    is worse than a coach seeing one message stuck.
    """
    message = _claim(message_id)
    if message is None:
        return None
    try:
        pending = unseal(message.payload)
        subject, body = render_message(
            template=message.template_key,
            channel=message.channel,
            language=message.language,
            context=pending["context"],
        )
        _deliver(channel=message.channel, to=pending["to"], subject=subject, body=body)
    except Exception as error:  # noqa: BLE001 - any failure is recorded and retried
        return _record_failure(message, error)
    message.status = MessageStatus.SENT
    message.sent_at = timezone.now()
    message.last_error = ""
    message.payload = ""
    message.save(update_fields=["status", "sent_at", "last_error", "payload"])
    return None


def _record_failure(message: Message, error: Exception) -> datetime | None:
    message.last_error = f"{type(error).__name__}: {error}"[:300]
    if message.attempts >= settings.MESSAGE_MAX_ATTEMPTS:
        message.status = MessageStatus.FAILED
        message.payload = ""
    else:
        message.status = MessageStatus.RETRYING
        message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
    message.save(update_fields=["status", "last_error", "payload", "next_attempt_at"])
    return message.next_attempt_at if message.status == MessageStatus.RETRYING else None


def current_consent(participant: Participant) -> ReminderConsent | None:
    return participant.reminder_consents.filter(withdrawn_on__isnull=True).first()


@transaction.atomic
def reminder_consent_give(
    *, participant: Participant, channel: str, given_on: date, given_how: str, actor: User
) -> ReminderConsent:
    """Records the participant's agreement to reminders by ``channel``; an earlier agreement by
    another channel is closed first, so there is one current agreement."""
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.status == ParticipantStatus.ENDED:
        raise ValidationError(_("The participant's case is closed."), code="ended")
    if not participant_recipient(participant).address(channel):
        message = (
            _("Add the participant's e-mail address first.")
            if channel == Channel.EMAIL
            else _("Add the participant's mobile number first.")
        )
        raise ValidationError({"channel": message}, code="no_address")
    earlier = current_consent(participant)
    if earlier is not None:
        earlier.withdrawn_on = given_on
        earlier.withdrawn_how = given_how
        earlier.withdrawn_by = actor
        earlier.save(update_fields=["withdrawn_on", "withdrawn_how", "withdrawn_by"])
    return ReminderConsent.objects.create(
        organisation_id=participant.organisation_id,
        participant=participant,
        channel=channel,
        given_on=given_on,
        given_how=given_how,
        recorded_by=actor,
    )


@transaction.atomic
def reminder_consent_withdraw(
    *, participant: Participant, withdrawn_on: date, withdrawn_how: str, actor: User
) -> ReminderConsent:
    consent = (
        ReminderConsent.objects.select_for_update()
        .filter(participant=participant, withdrawn_on__isnull=True)
        .first()
    )
    if consent is None:
        raise ValidationError(_("There is no agreement to withdraw."), code="none")
    if withdrawn_on < consent.given_on:
        raise ValidationError(
            {"withdrawn_on": _("The withdrawal cannot be before the agreement.")}, code="order"
        )
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_how = withdrawn_how
    consent.withdrawn_by = actor
    consent.save(update_fields=["withdrawn_on", "withdrawn_how", "withdrawn_by"])
    return consent
