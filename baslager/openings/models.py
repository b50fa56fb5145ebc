"""Places an employer offers: jobs, internships, work-training places and the like.

Openings are organisation data, like the employers they belong to, so scouts work with them too.
"""

import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned, StateChange
from baslager.participants.models import CefrLevel, DrivingLicence
from baslager.taxonomy.kommuner import kommun_name


class OpeningKind(models.TextChoices):
    JOB = "job", _("Job")
    INTERNSHIP = "internship", _("Internship (praktik)")
    WORK_TRAINING = "work_training", _("Work-training place")
    LOW_THRESHOLD = "low_threshold", _("Low-threshold task")
    EDUCATION = "education", _("Apprenticeship or education place")


class EmploymentForm(models.TextChoices):
    ORDINARY = "ordinary", _("Ordinary employment")
    NYSTARTSJOBB = "nystartsjobb", _("Nystartsjobb")
    INTRODUKTIONSJOBB = "introduktionsjobb", _("Introduktionsjobb")
    LONEBIDRAG = "lonebidrag", _("Lönebidrag")
    OTHER = "other", _("Other employment form")


class PhysicalDemands(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class OpeningStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class Opening(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="openings",
        verbose_name=_("employer"),
    )
    kind = models.CharField(
        _("kind of opening"), max_length=20, choices=OpeningKind.choices, default=OpeningKind.JOB
    )
    employment_form = models.CharField(
        _("employment form"),
        max_length=20,
        choices=EmploymentForm.choices,
        blank=True,
        help_text=_("Only for jobs."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("about the opening"),
        blank=True,
        help_text=_("The work, the workplace and what the employer asks for, in plain words."),
    )
    occupation = models.ForeignKey(
        "taxonomy.Occupation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("occupation"),
    )
    must_have_skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="+", verbose_name=_("must-have skills")
    )
    nice_to_have_skills = models.ManyToManyField(
        "taxonomy.Skill", blank=True, related_name="+", verbose_name=_("nice-to-have skills")
    )
    swedish_level_needed = models.CharField(
        _("Swedish needed"), max_length=6, choices=CefrLevel.choices, blank=True
    )
    offers_language_support = models.BooleanField(_("offers language support"), default=False)
    driving_licence = models.CharField(
        _("driving licence needed"), max_length=5, choices=DrivingLicence.choices, blank=True
    )
    physical_demands = models.CharField(
        _("physical demands"), max_length=6, choices=PhysicalDemands.choices, blank=True
    )
    physical_demands_text = models.TextField(_("about the physical demands"), blank=True)
    hours_per_week = models.PositiveSmallIntegerField(
        _("hours per week"), null=True, blank=True, validators=[MaxValueValidator(80)]
    )
    schedule = models.CharField(_("schedule"), max_length=200, blank=True)
    place = models.CharField(_("address of the workplace"), max_length=300, blank=True)
    kommun_code = models.CharField(_("municipality"), max_length=4, blank=True)
    workplace_accessibility = models.TextField(_("workplace accessibility"), blank=True)
    places = models.PositiveSmallIntegerField(
        _("number of places"), default=1, validators=[MinValueValidator(1)]
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    supervisor = models.ForeignKey(
        "employers.Supervisor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="openings",
        verbose_name=_("supervisor"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=OpeningStatus.choices, default=OpeningStatus.DRAFT
    )
    tasks = models.ManyToManyField(
        "LowThresholdTask", blank=True, related_name="openings", verbose_name=_("bundled tasks")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def kommun_name(self) -> str:
        return kommun_name(self.kommun_code) if self.kommun_code else ""

    def clean(self):
        errors = {}
        if self.employment_form and self.kind != OpeningKind.JOB:
            errors["employment_form"] = ValidationError(
                _("Only a job has an employment form."), code="not_a_job"
            )
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(
                _("The end date cannot be before the start date."), code="ends_before_start"
            )
        if self.supervisor_id and self.supervisor.employer_id != self.employer_id:
            errors["supervisor"] = ValidationError(
                _("Choose a supervisor who works at the opening's employer."),
                code="supervisor_elsewhere",
            )
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class OpeningStatusChange(StateChange):
    state_field = "status"

    opening = models.ForeignKey(
        Opening, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("opening")
    )
    from_status = models.CharField(
        _("from"), max_length=8, choices=OpeningStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=8, choices=OpeningStatus.choices)

    class Meta(StateChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Supervision(models.TextChoices):
    NONE = "none", _("No supervision")
    SOME = "some", _("Some supervision")
    CLOSE = "close", _("Close supervision")


class LowThresholdTask(OrganisationOwned):
    """Work an employer has done today that someone far from the labour market could take over;
    several tasks together may become an opening."""

    access_policy = AccessPolicy.ORGANISATION

    employer = models.ForeignKey(
        "employers.Employer",
        on_delete=models.CASCADE,
        related_name="low_threshold_tasks",
        verbose_name=_("employer"),
    )
    title = models.CharField(_("task"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    done_today_by = models.CharField(_("who does it today"), max_length=200, blank=True)
    hours_per_week = models.DecimalField(
        _("hours per week"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(80)],
    )
    language_demand = models.CharField(
        _("Swedish needed"), max_length=6, choices=CefrLevel.choices, blank=True
    )
    physical_demands = models.CharField(
        _("physical demands"), max_length=6, choices=PhysicalDemands.choices, blank=True
    )
    supervision = models.CharField(
        _("supervision needed"), max_length=5, choices=Supervision.choices, default=Supervision.SOME
    )
    offered_to_everyone_regardless_of_gender = models.BooleanField(
        _("offered to everyone regardless of gender"), default=True
    )
    project = models.ForeignKey(
        "projects.Project",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="low_threshold_tasks",
        verbose_name=_("project"),
        help_text=_("The project the task counts towards."),
    )
    identified_on = models.DateField(_("identified on"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registered by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("low-threshold task")
        verbose_name_plural = _("low-threshold tasks")
        ordering = ["-identified_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


# The skills asked for and the tasks bundled are part of what an opening is; their changes are
# logged with it.
auditlog.register(Opening, m2m_fields={"must_have_skills", "nice_to_have_skills", "tasks"})
auditlog.register(OpeningStatusChange)
auditlog.register(LowThresholdTask)
