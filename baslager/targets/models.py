"""A project's targets: what it promised its funder, each of one kind, measured in actuals.py."""

from auditlog.registry import auditlog
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned


class TargetKind(models.TextChoices):
    STUDIES = "studies", _("Share to studies")
    INTERNSHIP = "internship", _("Share to internship")
    EMPLOYMENT = "employment", _("Share to employment")
    EMPLOYABILITY = "employability", _("Share with increased perceived employability")
    INTERNSHIP_PLACES = "internship_places", _("Increase in internship places")
    LOW_THRESHOLD_TASKS = "low_threshold_tasks", _("Low-threshold tasks identified")
    NORM_BREAKING = "norm_breaking", _("Norm-breaking placements")
    PARTICIPANTS = "participants", _("Planned participants")

    @classmethod
    def shares(cls) -> frozenset:
        """Kinds whose target is a share of participants, in per cent (0–100)."""
        return frozenset({cls.STUDIES, cls.INTERNSHIP, cls.EMPLOYMENT, cls.EMPLOYABILITY})

    @property
    def in_per_cent(self) -> bool:
        return self in self.shares() or self == TargetKind.INTERNSHIP_PLACES


class ProjectTarget(OrganisationOwned):
    """One target of a project: ``value`` is a share in per cent for the share kinds, the increase
    in per cent over ``baseline`` places for internship places, and a count for the others."""

    access_policy = AccessPolicy.ORGANISATION

    project = models.ForeignKey(
        "projects.Project",
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("kind of target"), max_length=20, choices=TargetKind.choices)
    value = models.DecimalField(
        _("target"),
        max_digits=7,
        decimal_places=1,
        validators=[MinValueValidator(0)],
        help_text=_("Per cent for shares and for the increase in internship places; else a count."),
    )
    baseline = models.PositiveIntegerField(
        _("baseline"),
        null=True,
        blank=True,
        help_text=_("Internship places before the project, which the increase is measured from."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("project target")
        verbose_name_plural = _("project targets")
        ordering = ["project", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="one_target_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.get_kind_display()}"

    def clean(self):
        problems = {}
        if self.kind in TargetKind.shares() and self.value is not None and self.value > 100:
            problems["value"] = _("A share cannot be more than 100 %.")
        if self.kind == TargetKind.INTERNSHIP_PLACES and not self.baseline:
            problems["baseline"] = _("Give the number of internship places before the project.")
        if self.kind != TargetKind.INTERNSHIP_PLACES and self.baseline is not None:
            problems["baseline"] = _("A baseline goes only with internship places.")
        if problems:
            raise ValidationError(problems)

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(ProjectTarget)
