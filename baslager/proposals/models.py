"""Proposals: a participant put forward for an opening, from the first suggestion to the
placement's result; and the reference table of gender-dominated occupations the fairness report
compares them with.

A proposal is participant data (PARTICIPANT policy). The reference table is organisation data:
every member may read it, administrators edit it.
"""

import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned, StateChange
from baslager.participants.models import Gender


class ProposalStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    DISCUSSED = "discussed", _("Discussed with the participant")
    CONSENTED = "consented", _("Participant consents")
    PRESENTED = "presented", _("Presented to the employer")
    INTERVIEW = "interview", _("Interview")
    STARTED = "started", _("Started")
    ENDED = "ended", _("Ended")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses a proposal never leaves.
FINAL_STATUSES = (ProposalStatus.ENDED, ProposalStatus.DECLINED, ProposalStatus.WITHDRAWN)


class ProposalSource(models.TextChoices):
    MATCHING = "matching", _("Matching suggestion")
    MANUAL = "manual", _("Chosen by the coach")


class Proposal(OrganisationOwned):
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("participant"),
    )
    # Protected: the history of who was put forward where must outlive a tidied-up opening list.
    opening = models.ForeignKey(
        "openings.Opening",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("opening"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ProposalStatus.choices,
        default=ProposalStatus.SUGGESTED,
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ProposalSource.choices, default=ProposalSource.MANUAL
    )
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    placement = models.OneToOneField(
        "placements.Placement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
        verbose_name=_("placement"),
    )
    closing_reason = models.TextField(
        _("reason or result"),
        blank=True,
        help_text=_("Why it was declined or withdrawn, or how the placement ended."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "opening"],
                condition=~models.Q(status__in=["ended", "declined", "withdrawn"]),
                name="one_open_proposal_per_participant_and_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.opening} · {self.get_status_display()}"

    @property
    def is_final(self) -> bool:
        return self.status in FINAL_STATUSES

    @property
    def has_consent(self) -> bool:
        """Whether the employer may learn who the participant is: consent is recorded and the
        proposal was not declined or withdrawn since."""
        return self.consent_given_at is not None and self.status not in (
            ProposalStatus.DECLINED,
            ProposalStatus.WITHDRAWN,
        )

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


class ProposalStatusChange(StateChange):
    # The history tells whom a participant was put forward to: participant data, not the
    # organisation-wide policy state changes default to.
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "proposal__participant"
    state_field = "status"

    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("proposal"),
    )
    from_status = models.CharField(
        _("from"), max_length=10, choices=ProposalStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=ProposalStatus.choices)

    class Meta(StateChange.Meta):
        verbose_name = _("proposal status change")
        verbose_name_plural = _("proposal status changes")

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.proposal.participant.public_id),
            "organisation": self.organisation_id,
        }


class DominantGender(models.TextChoices):
    WOMEN = Gender.WOMAN.value, _("Women")
    MEN = Gender.MAN.value, _("Men")


class GenderDominatedField(OrganisationOwned):
    """An occupational field where one gender is over 60 % of the workforce, by SSYK 2012 code
    at any level (1 digit: a major group; 4 digits: a unit group). The most specific code
    that matches an opening's occupation decides."""

    access_policy = AccessPolicy.ORGANISATION

    ssyk_code = models.CharField(
        _("SSYK code"),
        max_length=4,
        validators=[RegexValidator(r"^[0-9]{1,4}$", _("Give 1 to 4 digits of SSYK 2012."))],
    )
    label = models.CharField(_("occupational field"), max_length=200)
    dominant_gender = models.CharField(
        _("dominated by"), max_length=12, choices=DominantGender.choices
    )
    dominant_share = models.PositiveSmallIntegerField(
        _("share of the dominant gender (%)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(61), MaxValueValidator(100)],
    )
    source = models.CharField(_("source"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("gender-dominated occupational field")
        verbose_name_plural = _("gender-dominated occupational fields")
        ordering = ["ssyk_code", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "ssyk_code"], name="one_reference_row_per_ssyk_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ssyk_code} {self.label}"

    @property
    def under_represented_gender(self) -> str:
        return Gender.MAN if self.dominant_gender == Gender.WOMAN else Gender.WOMAN

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Proposal)
auditlog.register(ProposalStatusChange)
auditlog.register(GenderDominatedField)
