from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from baslager.socioeconomics.defaults import DEFAULT_ASSUMPTIONS, DEFAULT_COSTS
from baslager.socioeconomics.models import (
    Assumption,
    AssumptionKey,
    CostItem,
    CostKind,
    ParameterSet,
)
from baslager.socioeconomics.selectors import parameters_of
from baslager.socioeconomics.services import parameter_set_for, parameter_set_save


def test_defaults_are_made_once_per_organisation(world):
    first = parameter_set_for(organisation=world.home)
    again = parameter_set_for(organisation=world.home)
    assert first == again
    assert ParameterSet.objects.filter(organisation=world.home).count() == 1
    assert first.cost_items.count() == len(DEFAULT_COSTS)
    assert first.assumptions.count() == len(DEFAULT_ASSUMPTIONS) == len(AssumptionKey.values)
    other = parameter_set_for(organisation=world.other)
    assert other != first
    assert CostItem.objects.filter(organisation=world.other, parameter_set=other).count() == len(
        DEFAULT_COSTS
    )


def test_every_default_is_an_estimate_with_its_source(world):
    parameter_set = parameter_set_for(organisation=world.home)
    rows = [*parameter_set.cost_items.all(), *parameter_set.assumptions.all()]
    assert all(row.is_estimate for row in rows)
    assert all(len(row.source) > 40 for row in rows)
    # The brief has no split per payer: the rows say it is the team's assumption.
    assert all(
        "Antagande av Baslägers team" in item.source for item in parameter_set.cost_items.all()
    )


def test_the_defaults_add_up_to_the_jonkoping_figure_per_person_year(world):
    """Cost rows plus the production of a person in work: about 437 500 per person-year, the
    brief's Jönköping figure (70 MSEK a year for 160 people), as the sources say."""
    parameters = parameters_of(parameter_set_for(organisation=world.home))
    rows = sum(line.amount for line in parameters.costs)
    assert rows + parameters.production_value * parameters.employment_rate == 437_500
    assert parameters.horizon_years == 15
    assert parameters.discount_rate == pytest.approx(0.035)
    assert parameters.deadweight == pytest.approx(0.1)


def test_saving_changes_rows_and_assumptions_and_is_audited(world):
    parameter_set = parameter_set_for(organisation=world.home)
    kept, removed = list(parameter_set.cost_items.all()[:2])
    kept.amount_per_year = 95_000
    new = CostItem(
        actor="justice",
        label="Polis och domstol",
        amount_per_year=8_000,
        kind=CostKind.REAL,
        source="Egen uppskattning",
        is_estimate=False,
    )
    horizon = parameter_set.assumptions.get(key=AssumptionKey.HORIZON)
    horizon.value = Decimal(20)
    horizon.source = "Vår styrgrupps beslut"
    horizon.is_estimate = False
    parameter_set_save(
        parameter_set=parameter_set,
        data={"name": "Våra siffror", "notes": ""},
        cost_items=[new, kept],
        deleted_items=[removed],
        assumptions=[horizon],
    )
    parameter_set.refresh_from_db()
    assert parameter_set.name == "Våra siffror"
    assert list(parameter_set.cost_items.values_list("label", "position"))[:2] == [
        ("Polis och domstol", 1),
        (kept.label, 2),
    ]
    assert not CostItem.objects.filter(pk=removed.pk).exists()
    assert new.organisation_id == world.home.pk
    saved = Assumption.objects.get(pk=horizon.pk)
    assert (saved.value, saved.is_estimate) == (20, False)
    assert LogEntry.objects.get_for_object(saved).filter(action=LogEntry.Action.UPDATE).exists()
    assert LogEntry.objects.get_for_object(new).exists()
