"""Ärenden: a participant's case is closed, with what became of everything still open, and
re-opened. Each closing and re-opening is a record of its own: who, when and why.

The participant's status (``ParticipantStatus``) says whether the case is open now; these
records are its history.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.participants.models import ParticipantOwned


class ClosureReason(models.TextChoices):
    WORK = "work", _("Found work")
    STUDIES = "studies", _("Started studies")
    OTHER_SUPPORT = "other_support", _("Went on to other support")
    MOVED = "moved", _("Moved away")
    NOT_ABLE = "not_able", _("Not able to take part at present")
    OWN_CHOICE = "own_choice", _("Left by own choice")
    NO_CONTACT = "no_contact", _("No contact")
    ASSIGNMENT_ENDED = "assignment_ended", _("The assignment ended")
    OTHER = "other", _("Other reason")


class Consequence(models.TextChoices):
    SESSION_CANCELLED = "session_cancelled", _("Session cancelled")
    PLACEMENT_ENDED = "placement_ended", _("Placement ended")
    PROPOSAL_WITHDRAWN = "proposal_withdrawn", _("Proposal withdrawn")
    PROJECT_EXITED = "project_exited", _("Left the project")


class CaseClosure(ParticipantOwned):
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="case_closures",
        verbose_name=_("participant"),
    )
    closed_on = models.DateField(_("closed on"))
    reason = models.CharField(_("reason"), max_length=20, choices=ClosureReason.choices)
    note = models.TextField(
        _("in your own words"),
        blank=True,
        help_text=_("A line about why. Health and other sensitive details belong in case notes."),
    )
    # What the closing did to what was still open: [{"kind": Consequence, "what": label}], so it
    # reads in the reader's language. Cancelled sessions are gone; this is their only trace.
    consequences = models.JSONField(_("what was done"), default=list, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("closed by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("case closure")
        verbose_name_plural = _("case closures")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.closed_on:%Y-%m-%d} · {self.get_reason_display()}"


class CaseReopening(ParticipantOwned):
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="case_reopenings",
        verbose_name=_("participant"),
    )
    reopened_on = models.DateField(_("re-opened on"))
    reason = models.TextField(_("reason"))
    phase = models.ForeignKey(
        "phases.Phase",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("phase"),
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("re-opened by"),
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("case re-opening")
        verbose_name_plural = _("case re-openings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reopened_on:%Y-%m-%d}"


auditlog.register(CaseClosure)
auditlog.register(CaseReopening)
