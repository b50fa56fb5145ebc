from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.organisations.models import Membership

from .models import (
    ChainRole,
    ContactPerson,
    Employer,
    EmployerStageChange,
    Supervisor,
    SupervisorTraining,
    ValueChainLink,
)
from .numbers import normalise_organisation_number

EMPLOYER_FIELDS = (
    "organisation_number",
    "name",
    "kind",
    "industry",
    "size_band",
    "street_address",
    "postal_code",
    "city",
    "kommun_code",
    "owner",
    "notes",
)


def _employer_values(data: dict) -> dict:
    values = {field: data[field] for field in EMPLOYER_FIELDS if field in data}
    values["organisation_number"] = normalise_organisation_number(
        values.get("organisation_number", "")
    )
    return values


@transaction.atomic
def employer_create(*, membership: Membership, actor: User, data: dict) -> Employer:
    """A new employer at the pipeline's first stage (or the stage given), with that stage as the
    first line of its history. Raises ValidationError for an invalid organisation number."""
    employer = Employer.objects.create(
        organisation=membership.organisation,
        **_employer_values(data),
        **({"stage": data["stage"]} if data.get("stage") else {}),
    )
    EmployerStageChange.objects.create(
        organisation=employer.organisation,
        employer=employer,
        to_stage=employer.stage,
        changed_by=actor,
    )
    return employer


def employer_update(*, employer: Employer, data: dict) -> Employer:
    for field, value in _employer_values(data).items():
        setattr(employer, field, value)
    employer.save()
    return employer


@transaction.atomic
def employer_move_stage(
    *, employer: Employer, to_stage: str, actor: User, note: str = ""
) -> EmployerStageChange:
    if to_stage == employer.stage:
        raise ValidationError(_("The employer is already at this stage."), code="same_stage")
    change = EmployerStageChange.objects.create(
        organisation_id=employer.organisation_id,
        employer=employer,
        from_stage=employer.stage,
        to_stage=to_stage,
        changed_by=actor,
        note=note,
    )
    employer.stage = to_stage
    employer.save(update_fields=["stage", "updated_at"])
    return change


def contact_person_create(*, employer: Employer, data: dict) -> ContactPerson:
    return ContactPerson.objects.create(
        organisation_id=employer.organisation_id,
        employer=employer,
        name=data["name"],
        role=data.get("role", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
    )


def _reaches(*, start: Employer, target: Employer) -> bool:
    """Whether ``target`` lies downstream of ``start``: one query per step of the chain."""
    seen = {start.pk}
    frontier = {start.pk}
    while frontier:
        if target.pk in frontier:
            return True
        customers = set(
            ValueChainLink.objects.filter(supplier_id__in=frontier).values_list(
                "customer_id", flat=True
            )
        )
        frontier = customers - seen
        seen |= frontier
    return False


@transaction.atomic
def value_chain_link_create(
    *, supplier: Employer, customer: Employer, role: str, note: str = ""
) -> ValueChainLink:
    """``supplier`` delivers to ``customer``. Raises ValidationError for a link to itself, across
    organisations, one that exists already or one that would close a loop: a chain runs one
    way, from producer to sales channel."""
    if supplier.pk == customer.pk:
        raise ValidationError(_("An employer cannot supply itself."), code="itself")
    if supplier.organisation_id != customer.organisation_id:
        raise ValidationError(
            _("Both employers must belong to the same organisation."), code="organisation"
        )
    if role not in ChainRole.values:
        raise ValidationError(_("Choose a role in the chain."), code="role")
    if ValueChainLink.objects.filter(supplier=supplier, customer=customer).exists():
        raise ValidationError(
            _("%(supplier)s already supplies %(customer)s."),
            code="duplicate",
            params={"supplier": supplier.name, "customer": customer.name},
        )
    if _reaches(start=customer, target=supplier):
        raise ValidationError(
            _("%(customer)s already supplies %(supplier)s further down the chain."),
            code="cycle",
            params={"supplier": supplier.name, "customer": customer.name},
        )
    return ValueChainLink.objects.create(
        organisation_id=supplier.organisation_id,
        supplier=supplier,
        customer=customer,
        role=role,
        note=note,
    )


def value_chain_link_delete(*, link: ValueChainLink) -> None:
    link.delete()


SUPERVISOR_FIELDS = ("name", "title", "phone", "email", "capacity", "notes")


def _check_capacity(capacity) -> None:
    if capacity is None or capacity < 1:
        raise ValidationError(
            _("A supervisor takes at least one participant at a time."), code="capacity"
        )


def supervisor_create(*, employer: Employer, data: dict) -> Supervisor:
    """Raises ValidationError for a capacity below one."""
    values = {field: data[field] for field in SUPERVISOR_FIELDS if field in data}
    _check_capacity(values.get("capacity", 1))
    return Supervisor.objects.create(
        organisation_id=employer.organisation_id, employer=employer, **values
    )


def supervisor_update(*, supervisor: Supervisor, data: dict) -> Supervisor:
    """Raises ValidationError for a capacity below one."""
    for field in SUPERVISOR_FIELDS:
        if field in data:
            setattr(supervisor, field, data[field])
    _check_capacity(supervisor.capacity)
    supervisor.save()
    return supervisor


def supervisor_training_add(
    *, supervisor: Supervisor, course: str, completed_on, provider: str = ""
) -> SupervisorTraining:
    return SupervisorTraining.objects.create(
        organisation_id=supervisor.organisation_id,
        supervisor=supervisor,
        course=course,
        completed_on=completed_on,
        provider=provider,
    )
