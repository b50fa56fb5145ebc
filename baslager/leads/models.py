"""Employer leads: a hint, usually from a scout, that an employer may be worth contacting.

A coach or administrator checks each lead. A verified lead points at the employer it became (or
one already registered), and keeps who found it, so the scout is credited on the lead, on the
employer's page and in campaign statistics. Leads are organisation data, like employers.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from baslager.employers.numbers import display_number
from baslager.organisations.access import AccessPolicy
from baslager.organisations.models import OrganisationOwned
from baslager.taxonomy.kommuner import kommun_name


class LeadStatus(models.TextChoices):
    # A lead is "ett tips" in Swedish: the context keeps its neuter forms to itself.
    NEW = "new", pgettext_lazy("lead status", "New")
    VERIFIED = "verified", pgettext_lazy("lead status", "Verified")
    REJECTED = "rejected", pgettext_lazy("lead status", "Rejected")


class LeadQuerySet(models.QuerySet):
    def counts_per_finder(self) -> dict[int, tuple[int, int]]:
        """User id → (leads found, leads verified) among these leads, in one query.

        A method on the leads' own query set so that an outreach campaign, which sits below
        leads in the layering, can count its leads through ``campaign.leads``."""
        rows = (
            self.filter(found_by__isnull=False)
            .values_list("found_by")
            .annotate(
                found=models.Count("pk"),
                verified=models.Count("pk", filter=models.Q(status=LeadStatus.VERIFIED)),
            )
            .order_by()
        )
        return {finder: (found, verified) for finder, found, verified in rows}


class Lead(OrganisationOwned):
    access_policy = AccessPolicy.ORGANISATION

    objects = LeadQuerySet.as_manager()

    found_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("found by"),
    )
    employer_name = models.CharField(_("employer's name"), max_length=200)
    organisation_number = models.CharField(_("organisation number"), max_length=12, blank=True)
    kommun_code = models.CharField(_("municipality"), max_length=4, blank=True)
    industry = models.ForeignKey(
        "taxonomy.Industry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("industry (SNI)"),
    )
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact's email"), blank=True)
    reason = models.TextField(
        _("why this is a lead"),
        help_text=_("What you saw: a hiring sign, an expansion, news, a new shop…"),
    )
    status = models.CharField(
        _("status"), max_length=8, choices=LeadStatus.choices, default=LeadStatus.NEW
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    campaign = models.ForeignKey(
        "outreach.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        verbose_name=_("campaign"),
        help_text=_("The outreach campaign the lead came up in, if any."),
    )
    employer = models.ForeignKey(
        "employers.Employer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
        verbose_name=_("employer"),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A decision always says when it was made; a new lead has none yet.
            models.CheckConstraint(
                condition=(
                    models.Q(status=LeadStatus.NEW, reviewed_at__isnull=True)
                    | (~models.Q(status=LeadStatus.NEW) & models.Q(reviewed_at__isnull=False))
                ),
                name="lead_reviewed_when_decided",
            )
        ]
        indexes = [models.Index(fields=["organisation", "status", "created_at"])]

    def __str__(self) -> str:
        return self.employer_name

    @property
    def is_new(self) -> bool:
        return self.status == LeadStatus.NEW

    @property
    def organisation_number_display(self) -> str:
        return display_number(self.organisation_number)

    @property
    def kommun_name(self) -> str:
        return kommun_name(self.kommun_code) if self.kommun_code else ""

    def get_additional_data(self) -> dict:
        return {"organisation": self.organisation_id}


auditlog.register(Lead)
