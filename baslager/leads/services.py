from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.employers.models import Employer, Stage
from baslager.employers.numbers import normalise_organisation_number
from baslager.employers.selectors import employer_with_number
from baslager.employers.services import contact_person_create, employer_create
from baslager.organisations.models import Membership, Role
from baslager.outreach.selectors import campaign_list

from .models import Lead, LeadStatus
from .selectors import possible_duplicates

# Scouts, coaches and administrators find leads; only coaches and administrators decide on them,
# so nobody who is credited for a lead can verify it by role.
REGISTER_ROLES = (Role.ADMIN, Role.COACH, Role.SCOUT)
REVIEW_ROLES = (Role.ADMIN, Role.COACH)

LEAD_FIELDS = (
    "employer_name",
    "organisation_number",
    "kommun_code",
    "industry",
    "street_address",
    "city",
    "contact_name",
    "contact_phone",
    "contact_email",
    "reason",
    "campaign",
)


def _require_role(membership: Membership, roles: tuple[str, ...]) -> None:
    if membership is None or membership.role not in roles:
        raise PermissionDenied


def _require_new(lead: Lead, membership: Membership) -> None:
    if lead.organisation_id != membership.organisation_id:
        raise PermissionDenied
    if not lead.is_new:
        raise ValidationError(_("This lead has already been decided on."), code="decided")


@transaction.atomic
def lead_register(
    *, membership: Membership, actor: User, data: dict, confirmed_duplicates: bool = False
) -> Lead:
    """A new lead found by ``actor``. Raises ValidationError for an invalid organisation number,
    and for possible duplicates (employers or open leads) unless ``confirmed_duplicates``."""
    _require_role(membership, REGISTER_ROLES)
    values = {field: data[field] for field in LEAD_FIELDS if field in data}
    campaign = values.get("campaign")
    if (
        campaign is not None
        and not campaign_list(membership=membership).filter(pk=campaign.pk).exists()
    ):
        raise ValidationError(_("Choose a campaign you take part in."), code="campaign")
    values["organisation_number"] = normalise_organisation_number(
        values.get("organisation_number", "")
    )
    if not confirmed_duplicates and possible_duplicates(
        membership=membership,
        name=values.get("employer_name", ""),
        organisation_number=values["organisation_number"],
    ):
        raise ValidationError(
            _("This employer may already be registered. Check the list before you go on."),
            code="duplicates",
        )
    return Lead.objects.create(
        organisation=membership.organisation, found_by=actor, status=LeadStatus.NEW, **values
    )


def _lead_note(lead: Lead) -> str:
    found_by = lead.found_by or _("an unknown member")
    note = _("From a lead found by %(scout)s on %(date)s.") % {
        "scout": found_by,
        "date": date_format(timezone.localtime(lead.created_at).date(), "SHORT_DATE_FORMAT"),
    }
    return f"{note}\n{lead.reason}".strip()


def _employer_from(lead: Lead, *, membership: Membership, actor: User) -> Employer:
    existing = employer_with_number(
        membership=membership, organisation_number=lead.organisation_number
    )
    if existing is not None:
        raise ValidationError(
            _("%(name)s already has this organisation number: link the lead to it instead."),
            code="number_taken",
            params={"name": existing.name},
        )
    employer = employer_create(
        membership=membership,
        actor=actor,
        data={
            "name": lead.employer_name,
            "organisation_number": lead.organisation_number,
            "industry": lead.industry,
            "street_address": lead.street_address,
            "city": lead.city,
            "kommun_code": lead.kommun_code,
            "notes": _lead_note(lead),
            "stage": Stage.IDENTIFIED,
        },
    )
    if lead.contact_name:
        contact_person_create(
            employer=employer,
            data={
                "name": lead.contact_name,
                "phone": lead.contact_phone,
                "email": lead.contact_email,
            },
        )
    return employer


@transaction.atomic
def lead_verify(
    *, lead: Lead, membership: Membership, actor: User, employer: Employer | None = None
) -> Employer:
    """Accepts ``lead``: links it to ``employer`` when given (one already registered), or else
    registers a new employer at the first stage from the lead's data, with a note of who found it.
    Raises PermissionDenied for scouts and viewers, ValidationError for a lead already decided
    on or an organisation number another employer has."""
    _require_role(membership, REVIEW_ROLES)
    _require_new(lead, membership)
    if employer is not None and employer.organisation_id != membership.organisation_id:
        raise ValidationError(_("Choose an employer of your organisation."), code="employer")
    if employer is None:
        employer = _employer_from(lead, membership=membership, actor=actor)
    lead.status = LeadStatus.VERIFIED
    lead.employer = employer
    lead.reviewed_by = actor
    lead.reviewed_at = timezone.now()
    lead.save(update_fields=["status", "employer", "reviewed_by", "reviewed_at"])
    return employer


@transaction.atomic
def lead_reject(*, lead: Lead, membership: Membership, actor: User, reason: str) -> Lead:
    """Turns ``lead`` down with a reason the scout can read. Raises PermissionDenied for scouts
    and viewers, ValidationError without a reason or for a lead already decided on."""
    _require_role(membership, REVIEW_ROLES)
    _require_new(lead, membership)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the lead is rejected."), code="reason")
    lead.status = LeadStatus.REJECTED
    lead.rejection_reason = reason
    lead.reviewed_by = actor
    lead.reviewed_at = timezone.now()
    lead.save(update_fields=["status", "rejection_reason", "reviewed_by", "reviewed_at"])
    return lead
