from django.db import transaction

from baslager.organisations.models import Organisation

from .defaults import DEFAULT_ASSUMPTIONS, DEFAULT_COSTS, TEAM_SPLIT
from .models import Assumption, CostItem, ParameterSet

DEFAULT_NAME = "Basläger, standardvärden"


def parameter_set_for(*, organisation: Organisation) -> ParameterSet:
    """The organisation's parameters, starting it off with the brief's defaults the first time.

    Organisations are created in several places, so the defaults are made here, when the
    calculator is first opened, rather than at each of them."""
    existing = ParameterSet.objects.filter(organisation=organisation).first()
    return existing or _create_defaults(organisation)


@transaction.atomic
def _create_defaults(organisation: Organisation) -> ParameterSet:
    # Locking the organisation makes a second request wait here and then find the defaults made.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
    existing = ParameterSet.objects.filter(organisation=organisation).first()
    if existing:
        return existing
    parameter_set = ParameterSet.objects.create(organisation=organisation, name=DEFAULT_NAME)
    CostItem.objects.bulk_create(
        CostItem(
            organisation=organisation,
            parameter_set=parameter_set,
            actor=actor,
            label=label,
            amount_per_year=amount,
            kind=kind,
            source=TEAM_SPLIT,
            is_estimate=True,
            position=position,
        )
        for position, (actor, label, amount, kind) in enumerate(DEFAULT_COSTS, start=1)
    )
    Assumption.objects.bulk_create(
        Assumption(
            organisation=organisation,
            parameter_set=parameter_set,
            key=key,
            value=value,
            source=source,
            source_url=url,
            is_estimate=True,
        )
        for key, (value, source, url) in DEFAULT_ASSUMPTIONS.items()
    )
    return parameter_set


@transaction.atomic
def parameter_set_save(
    *,
    parameter_set: ParameterSet,
    data: dict,
    cost_items: list[CostItem],
    deleted_items: list[CostItem],
    assumptions: list[Assumption],
) -> ParameterSet:
    """Saves the set's name and notes, its cost rows (unsaved rows from a formset, numbered in
    the order given) and its assumptions."""
    parameter_set.name = data["name"]
    parameter_set.notes = data.get("notes", "")
    parameter_set.save()
    for item in deleted_items:
        item.delete()
    for position, item in enumerate(cost_items, start=1):
        item.parameter_set = parameter_set
        item.organisation_id = parameter_set.organisation_id
        item.position = position
        item.save()
    for assumption in assumptions:
        assumption.save()
    return parameter_set
