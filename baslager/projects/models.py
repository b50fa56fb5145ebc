"""Projects an organisation runs, each with its funder, period and what it set out to do.

Funders judge a project by its own numbers (participants, tasks, outcomes), so figures are
counted per project as well as for the organisation.
"""

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class Funder(models.TextChoices):
    ESF_PLUS = "esf_plus", _("ESF+ (European Social Fund Plus)")
    ARBETSFORMEDLINGEN = "arbetsformedlingen", _("Arbetsförmedlingen")
    KOMMUN = "kommun", _("Municipality")
    REGION = "region", _("Region")
    ARVSFONDEN = "arvsfonden", _("Allmänna arvsfonden")
    SAMORDNINGSFORBUND = "samordningsforbund", _("Samordningsförbund (Finsam)")
    OWN = "own", _("Own funds")
    OTHER = "other", _("Other funder")


class Project(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=20, choices=Funder.choices)
    funder_details = models.CharField(
        _("about the funding"),
        max_length=200,
        blank=True,
        help_text=_("For example the call or programme area, and co-financiers."),
    )
    reference_number = models.CharField(
        _("reference number"),
        max_length=50,
        blank=True,
        help_text=_("The funder's case number (diarienummer), such as 2023/00123."),
    )
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    planned_participants = models.PositiveIntegerField(
        _("planned participants"), null=True, blank=True
    )
    target_groups = models.TextField(_("target groups"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    budget = models.DecimalField(
        _("budget (SEK)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-starts_on", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end date cannot be before the start date.")},
                code="ends_before_start",
            )

    def runs_on(self, day) -> bool:
        return self.starts_on <= day <= self.ends_on

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Project)
