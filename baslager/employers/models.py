"""Employers the organisation works with, and where each stands in the partnership pipeline.

Employers are organisation data, not personal data of participants, so every member — scouts
included — may read them; writes are guarded by roles in the views.
"""

import uuid

from auditlog.registry import auditlog
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned, StateChange
from baslager.taxonomy.kommuner import kommun_name

from .numbers import LegalForm, display_number, legal_form_of


class EmployerKind(models.TextChoices):
    COMPANY = "company", _("Company")
    PUBLIC_SECTOR = "public_sector", _("Public sector")
    SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise (ASF)")
    SMALL_PRODUCER = "small_producer", _("Small producer")
    ASSOCIATION = "association", _("Association")


class SizeBand(models.TextChoices):
    NONE = "0", _("No employees")
    MICRO = "1-9", _("1–9 employees")
    SMALL = "10-49", _("10–49 employees")
    MEDIUM = "50-249", _("50–249 employees")
    LARGE = "250+", _("250 or more employees")


class Stage(models.TextChoices):
    IDENTIFIED = "identified", _("Identified")
    CONTACTED = "contacted", _("Contacted")
    INTERESTED = "interested", _("Interested")
    PARTNER = "partner", _("Partner")
    RECRUITING = "recruiting", _("Recruiting")


class Employer(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=12,
        blank=True,
        help_text=_("10 digits; a sole trader's personal identity number is kept as 12 digits."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind of employer"),
        max_length=20,
        choices=EmployerKind.choices,
        default=EmployerKind.COMPANY,
    )
    industry = models.ForeignKey(
        "taxonomy.Industry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("industry (SNI)"),
    )
    size_band = models.CharField(
        _("number of employees"), max_length=6, choices=SizeBand.choices, blank=True
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=6, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    kommun_code = models.CharField(_("municipality"), max_length=4, blank=True)
    stage = models.CharField(
        _("stage"), max_length=12, choices=Stage.choices, default=Stage.IDENTIFIED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible coach"),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "organisation_number"],
                condition=~models.Q(organisation_number=""),
                name="employer_unique_number_per_organisation",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def legal_form(self) -> str:
        return legal_form_of(self.organisation_number)

    def get_legal_form_display(self) -> str:
        return LegalForm(self.legal_form).label if self.legal_form else ""

    @property
    def is_sole_trader(self) -> bool:
        return self.legal_form == LegalForm.SOLE_TRADER

    @property
    def organisation_number_display(self) -> str:
        return display_number(self.organisation_number)

    @property
    def kommun_name(self) -> str:
        return kommun_name(self.kommun_code) if self.kommun_code else ""

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id, "employer": str(self.public_id)}


class EmployerStageChange(StateChange):
    state_field = "stage"

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="stage_changes", verbose_name=_("employer")
    )
    from_stage = models.CharField(_("from"), max_length=12, choices=Stage.choices, blank=True)
    to_stage = models.CharField(_("to"), max_length=12, choices=Stage.choices)

    class Meta(StateChange.Meta):
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id, "employer": str(self.employer.public_id)}


class ContactPerson(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("employer")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact people")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id, "employer": str(self.employer.public_id)}


class ChainRole(models.TextChoices):
    RAW_MATERIAL = "raw_material", _("Raw material")
    PROCESSING = "processing", _("Processing")
    SALES_CHANNEL = "sales_channel", _("Sales channel")
    SERVICE = "service", _("Service")


class ValueChainLink(OrganisationOwned):
    """One step of a value chain: ``supplier`` delivers to ``customer``. Both belong to the
    link's organisation; the service checks that, as the database cannot."""

    access_policy = AccessPolicy.ORGANISATION

    supplier = models.ForeignKey(
        Employer,
        on_delete=models.CASCADE,
        related_name="links_downstream",
        verbose_name=_("supplier"),
    )
    customer = models.ForeignKey(
        Employer,
        on_delete=models.CASCADE,
        related_name="links_upstream",
        verbose_name=_("customer"),
    )
    role = models.CharField(_("role in the chain"), max_length=16, choices=ChainRole.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("value chain link")
        verbose_name_plural = _("value chain links")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["supplier", "customer"], name="value_chain_link_unique_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(supplier=models.F("customer")),
                name="value_chain_link_not_to_itself",
            ),
        ]

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class Supervisor(OrganisationOwned):
    """A handledare: the person at the employer who guides participants at the workplace."""

    access_policy = AccessPolicy.ORGANISATION

    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="supervisors", verbose_name=_("employer")
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("role or title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many participants the supervisor can take at a time."),
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("supervisor")
        verbose_name_plural = _("supervisors")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="supervisor_capacity_at_least_one"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_trained(self) -> bool:
        return bool(self.trainings.all())

    @property
    def latest_training(self) -> "SupervisorTraining | None":
        # Reads the prefetched trainings (newest first) rather than querying again.
        trainings = list(self.trainings.all())
        return trainings[0] if trainings else None

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


class SupervisorTraining(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    supervisor = models.ForeignKey(
        Supervisor, on_delete=models.CASCADE, related_name="trainings", verbose_name=_("supervisor")
    )
    course = models.CharField(_("course"), max_length=200)
    completed_on = models.DateField(_("completed on"))
    provider = models.CharField(_("provider"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("supervisor training")
        verbose_name_plural = _("supervisor trainings")
        ordering = ["-completed_on", "-pk"]

    def __str__(self) -> str:
        return self.course

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Employer)
auditlog.register(EmployerStageChange)
auditlog.register(ContactPerson)
auditlog.register(ValueChainLink)
auditlog.register(Supervisor)
auditlog.register(SupervisorTraining)
