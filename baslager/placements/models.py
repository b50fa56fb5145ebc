"""A participant's placement at an employer, its checklists and the supervisor's secret link.

Placements are participant data: coaches see those of their caseload, scouts and viewers none.
"""

import uuid
from datetime import date, timedelta

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from baslager.handbook.models import ChecklistStage, Responsible
from baslager.openings.models import OpeningKind
from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class PlacementStatus(models.TextChoices):
    # "En placering" is common gender in Swedish; the context keeps its forms to itself.
    PLANNED = "planned", pgettext_lazy("placement status", "Planned")
    ONGOING = "ongoing", pgettext_lazy("placement status", "Ongoing")
    ENDED = "ended", pgettext_lazy("placement status", "Ended")


class Placement(OrganisationOwned):
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "participant"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    participant = models.ForeignKey(
        "participants.Participant",
        on_delete=models.CASCADE,
        related_name="placements",
        verbose_name=_("participant"),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.PROTECT,
        related_name="placements",
        verbose_name=_("employer"),
    )
    opening = models.ForeignKey(
        "openings.Opening",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placements",
        verbose_name=_("opening"),
    )
    supervisor = models.ForeignKey(
        "employers.Supervisor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="placements",
        verbose_name=_("supervisor"),
    )
    kind = models.CharField(_("kind of placement"), max_length=20, choices=OpeningKind.choices)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=PlacementStatus.choices, default=PlacementStatus.PLANNED
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    result_note = models.CharField(_("result"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="placement_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.employer} · {self.get_kind_display()}"

    def clean(self):
        errors = {}
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(
                _("The end date cannot be before the start date."), code="ends_before_start"
            )
        if self.ended_on and self.starts_on and self.ended_on < self.starts_on:
            errors["ended_on"] = ValidationError(
                _("The end date cannot be before the start date."), code="ended_before_start"
            )
        if self.supervisor_id and self.supervisor.employer_id != self.employer_id:
            errors["supervisor"] = ValidationError(
                _("Choose a supervisor at the placement's employer."), code="other_employer"
            )
        if self.opening_id and self.opening.employer_id != self.employer_id:
            errors["opening"] = ValidationError(
                _("The opening belongs to another employer."), code="other_employer"
            )
        if errors:
            raise ValidationError(errors)

    @property
    def last_day(self) -> date | None:
        """When the placement ended, or when it is planned to end."""
        return self.ended_on or self.ends_on

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.participant.public_id),
            "organisation": self.organisation_id,
        }


class PlacementChecklist(OrganisationOwned):
    """A copy of one of the library's checklists, made for one placement."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "placement__participant"

    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="checklists", verbose_name=_("placement")
    )
    stage = models.CharField(_("stage"), max_length=16, choices=ChecklistStage.choices)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    copied_from = models.ForeignKey(
        "handbook.ChecklistTemplate",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("copied from"),
    )

    class Meta:
        verbose_name = _("placement checklist")
        verbose_name_plural = _("placement checklists")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.placement.participant.public_id),
            "organisation": self.organisation_id,
        }


class PlacementChecklistItem(OrganisationOwned):
    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "checklist__placement__participant"

    checklist = models.ForeignKey(
        PlacementChecklist,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("checklist"),
    )
    text = models.CharField(_("item"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    who = models.CharField(_("who"), max_length=12, choices=Responsible.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ticked off by"),
    )
    done_by_supervisor = models.BooleanField(_("ticked off by the supervisor"), default=False)

    class Meta:
        verbose_name = _("placement checklist item")
        verbose_name_plural = _("placement checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.checklist.placement.participant.public_id),
            "organisation": self.organisation_id,
        }


# A link for a placement without any end date stops working this long after it was made.
OPEN_ENDED_LINK_LIFETIME = timedelta(days=180)
# And a link works this long after the placement's last day, for the follow-up.
LINK_GRACE = timedelta(days=30)


class SupervisorLink(OrganisationOwned):
    """A secret link that lets the placement's supervisor, who has no account, see and tick off
    the checklists. The token itself is shown once, when it is made."""

    access_policy = AccessPolicy.PARTICIPANT
    participant_lookup = "placement__participant"

    placement = models.ForeignKey(
        Placement,
        on_delete=models.CASCADE,
        related_name="supervisor_links",
        verbose_name=_("placement"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("made by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("supervisor link")
        verbose_name_plural = _("supervisor links")
        ordering = ["-created_at", "-pk"]

    @property
    def expires_on(self) -> date:
        """The last day the link works: 30 days after the placement's end; the end may move, so
        this is worked out each time rather than stored."""
        last_day = self.placement.last_day
        if last_day is None:
            return timezone.localdate(self.created_at + OPEN_ENDED_LINK_LIFETIME)
        return last_day + LINK_GRACE

    def get_additional_data(self) -> dict:
        return {
            "participant": str(self.placement.participant.public_id),
            "organisation": self.organisation_id,
        }


auditlog.register(Placement)
auditlog.register(PlacementChecklist)
auditlog.register(PlacementChecklistItem)
auditlog.register(SupervisorLink, exclude_fields=["token_hash"])
