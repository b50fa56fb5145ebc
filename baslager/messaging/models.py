"""Messages sent to participants, supervisors and staff, and participants' consent to reminders.

A ``Message`` records that something was sent, to whom, how and with what result, never what it
said: the body is rendered from its template when it is delivered and not kept. Until then the
address and the template's values (which may hold a secret link) wait encrypted in ``payload``,
and are erased once the message is delivered or given up.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.models import AccessPolicy, OrganisationOwned
from baslager.participants.models import ParticipantOwned


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class RecipientKind(models.TextChoices):
    PARTICIPANT = "participant", _("Participant")
    SUPERVISOR = "supervisor", _("Supervisor")
    STAFF = "staff", _("Staff member")


class MessageStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    RETRYING = "retrying", _("Will try again")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Message(OrganisationOwned):
    """One message for one event. ``event_key`` is unique, so an event is never sent twice."""

    # Messages about a participant follow that participant's scope; those about nobody in
    # particular (``participant`` empty) only administrators see.
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    event_key = models.CharField(max_length=200, unique=True, editable=False)
    template_key = models.CharField(_("message"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=10)
    participant = models.ForeignKey(
        "participants.Participant",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("participant"),
    )
    recipient_kind = models.CharField(_("recipient"), max_length=20, choices=RecipientKind.choices)
    recipient_id = models.PositiveBigIntegerField()
    recipient_name = models.CharField(_("recipient's name"), max_length=200, blank=True)
    address_masked = models.CharField(_("address"), max_length=100)
    # What the message is about, e.g. "placement:12", so its page can list what was sent.
    topic = models.CharField(max_length=100, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    payload = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.template_key} → {self.address_masked}"

    @property
    def label_template(self) -> str:
        """The template naming this kind of message for staff; it lies beside the texts."""
        return f"messages/{self.template_key}/label.txt"

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id) if self.participant_id else None,
            "organisation": self.organisation_id,
        }


class ConsentHow(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PAPER = "paper", _("On paper")
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By e-mail")
    SMS = "sms", _("By SMS")
    OTHER = "other", _("Some other way")


class ReminderConsent(ParticipantOwned):
    """A participant's agreement to reminders by one channel, until withdrawn.

    A new agreement is a new row and a withdrawal closes the current one, so the history stays.
    """

    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="reminder_consents",
        verbose_name=_("participant"),
    )
    channel = models.CharField(_("remind by"), max_length=10, choices=Channel.choices)
    given_on = models.DateField(_("agreed on"))
    given_how = models.CharField(_("how they agreed"), max_length=20, choices=ConsentHow.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawn_how = models.CharField(
        _("how they withdrew"), max_length=20, choices=ConsentHow.choices, blank=True
    )
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("withdrawal recorded by"),
    )

    class Meta:
        verbose_name = _("consent to reminders")
        verbose_name_plural = _("consents to reminders")
        ordering = ["-given_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(withdrawn_on__isnull=True),
                name="one_current_reminder_consent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.channel} {self.given_on}"


class ScheduledRun(models.Model):
    """A periodic job enqueued for a day. The unique pair keeps several schedulers from enqueuing
    the same day's job twice; it is the queue's bookkeeping, not organisation data."""

    job = models.CharField(max_length=200)
    day = models.DateField()
    enqueued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "day"], name="one_run_per_job_and_day")
        ]

    def __str__(self) -> str:
        return f"{self.job} {self.day}"


auditlog.register(Message, exclude_fields=["payload"])
auditlog.register(ReminderConsent)
