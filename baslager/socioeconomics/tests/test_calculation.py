import pytest

from baslager.socioeconomics.calculation import (
    SOCIETY,
    CostLine,
    Parameters,
    ProjectCost,
    break_even_people,
    discount_factor,
    in_work_share,
    payback_year,
    per_person_year,
    valuation,
    yearly_gains,
)
from baslager.socioeconomics.models import Actor


def parameters(**changes) -> Parameters:
    """Simple figures to reason about: no discounting, no deadweight, everyone stays in work."""
    fields = {
        "costs": (
            CostLine(actor=Actor.KOMMUN, amount=100_000, real=False),
            CostLine(actor=Actor.KOMMUN, amount=20_000, real=True),
            CostLine(actor=Actor.FORSAKRINGSKASSAN, amount=30_000, real=False),
            CostLine(actor=Actor.REGION, amount=10_000, real=True),
        ),
        "production_value": 400_000,
        "employment_rate": 0.5,
        "tax_shares": {Actor.KOMMUN: 0.15, Actor.STATE: 0.25, Actor.REGION: 0.1},
        "horizon_years": 10,
        "discount_rate": 0.0,
        "deadweight": 0.0,
        "durability": 1.0,
    }
    return Parameters(**(fields | changes))


def only_gain(actor: str, amount: float, **changes) -> Parameters:
    """One actor gains ``amount`` a year per person in work, nobody else anything."""
    return parameters(
        costs=(CostLine(actor=actor, amount=amount, real=True),),
        production_value=0,
        tax_shares={},
        **changes,
    )


def test_it_splits_a_year_in_work_between_the_payers_and_the_person():
    gains = yearly_gains(parameters())
    produced = 400_000 * 0.5
    assert gains[Actor.KOMMUN].real == 20_000
    assert gains[Actor.KOMMUN].financial == 100_000
    assert gains[Actor.KOMMUN].production == pytest.approx(0.15 * produced)
    assert gains[Actor.FORSAKRINGSKASSAN].total == 30_000
    assert gains[Actor.STATE].total == pytest.approx(0.25 * produced)
    # The person stops receiving both transfers and keeps what is not paid in taxes.
    assert gains[Actor.PERSON].financial == -130_000
    assert gains[Actor.PERSON].production == pytest.approx(0.5 * produced)
    assert gains[Actor.JUSTICE].total == 0


def test_transfers_net_to_zero_and_the_payers_add_up_to_the_real_gain_for_society():
    gains = yearly_gains(parameters())
    society = gains.pop(SOCIETY)
    assert sum(gain.financial for gain in gains.values()) == 0
    assert society.financial == 0
    assert society.total == pytest.approx(20_000 + 10_000 + 200_000)
    assert sum(gain.total for gain in gains.values()) == pytest.approx(society.total)
    result = valuation(parameters(), people=3)
    assert result.financial_net == 0
    assert sum(r.present_value for r in result.actors) == pytest.approx(
        result.society.present_value
    )


def test_a_financial_cost_is_no_gain_for_society():
    only_transfer = parameters(
        costs=(CostLine(actor=Actor.KOMMUN, amount=100_000, real=False),),
        production_value=0,
    )
    result = valuation(only_transfer, people=1)
    assert result.society.present_value == 0
    assert result.actors[0].present_value == 1_000_000  # the municipality saves it all


def test_discounting_is_at_the_end_of_each_year():
    assert discount_factor(1, 0.05) == pytest.approx(1 / 1.05)
    assert discount_factor(3, 0.05) == pytest.approx(1 / 1.05**3)
    result = valuation(
        only_gain(Actor.KOMMUN, 100_000, horizon_years=3, discount_rate=0.05), people=1
    )
    expected = 100_000 * (1 / 1.05 + 1 / 1.05**2 + 1 / 1.05**3)
    assert result.society.present_value == pytest.approx(expected)


def test_durability_drops_off_each_year_after_the_first():
    assert in_work_share(1, 0.8) == 1
    assert in_work_share(3, 0.8) == pytest.approx(0.64)
    result = valuation(only_gain(Actor.KOMMUN, 100_000, horizon_years=3, durability=0.8), people=10)
    assert result.society.present_value == pytest.approx(10 * 100_000 * (1 + 0.8 + 0.64))


def test_deadweight_removes_those_who_would_have_made_it_anyway():
    result = valuation(only_gain(Actor.KOMMUN, 100_000, horizon_years=1, deadweight=0.2), people=10)
    assert result.society.present_value == pytest.approx(800_000)


def test_payback_year_is_the_first_year_the_gains_cover_the_cost():
    assert payback_year([100, 100, 100], 250) == 3
    assert payback_year([100, 100, 100], 200) == 2
    assert payback_year([100, 100, 100], 301) is None
    assert payback_year([100], 0) == 0


def test_each_payer_pays_back_its_own_share_of_the_cost():
    cost = ProjectCost(total=1_000_000, years=2, shares={Actor.KOMMUN: 0.6, "external": 0.4})
    result = valuation(only_gain(Actor.KOMMUN, 100_000), people=2, cost=cost, participants=20)
    kommun = result.actors[0]
    assert kommun.actor == Actor.KOMMUN
    assert kommun.cost == 600_000
    assert kommun.payback_year == 3  # 200 000 a year for two people
    assert kommun.net == pytest.approx(2_000_000 - 600_000)
    assert result.society.cost == 1_000_000
    assert result.society.payback_year == 5
    region = result.actors[3]
    assert (region.actor, region.cost, region.payback_year) == (Actor.REGION, 0, 0)


def test_break_even_is_the_number_and_share_of_participants_who_must_reach_work():
    cost = ProjectCost(total=1_000_000, years=1, shares={Actor.KOMMUN: 1.0})
    p = only_gain(Actor.KOMMUN, 100_000, horizon_years=4, deadweight=0.5)
    result = valuation(p, people=0, cost=cost, participants=50)
    # Each person who reaches work is worth 4 × 100 000 × (1 − 0.5) = 200 000.
    assert result.society.break_even_people == pytest.approx(5)
    assert result.society.break_even_share == pytest.approx(0.1)
    assert result.actors[0].break_even_people == pytest.approx(5)
    assert break_even_people(100, 0) is None  # nobody's work pays back a payer who gains nothing
    assert break_even_people(0, 0) == 0


def test_the_gain_is_set_against_the_budget_of_one_year():
    cost = ProjectCost(total=18_000_000, years=2, shares={})
    result = valuation(only_gain(Actor.KOMMUN, 100_000, horizon_years=10), people=9, cost=cost)
    assert cost.per_year == 9_000_000
    assert result.gain_to_annual_budget == pytest.approx(9_000_000 / 9_000_000)


def test_the_seed_figure_of_72_msek_for_nine_people_over_15_years():
    """Enklare väg till jobb: 9 people into self-sufficiency, 72 MSEK over 15 years (not found in
    the reports, domain-rules.md §2.2). 72 / 9 / 15 ≈ 533 000 per person-year; valuing nine
    people at that, undiscounted, without deadweight and with everyone staying in work, gives
    the 72 MSEK back. The brief gives no discount rate, deadweight or durability for it."""
    yearly = per_person_year(72_000_000, people=9, years=15)
    assert round(yearly, -3) == 533_000
    result = valuation(only_gain(Actor.KOMMUN, yearly, horizon_years=15), people=9)
    assert result.society.present_value == pytest.approx(72_000_000)


def test_the_seed_figure_of_12_msek_for_a_lifetime_from_25():
    """About 12 MSEK for a 25-year-old excluded until 65: 300 000 a year, undiscounted."""
    assert per_person_year(12_000_000, people=1, years=40) == 300_000
    result = valuation(only_gain(Actor.KOMMUN, 300_000, horizon_years=40), people=1)
    assert result.society.present_value == pytest.approx(12_000_000)


def test_the_jonkoping_figure_per_person_year():
    """About 70 MSEK a year for 160 people: 437 500 per person-year. The brief's 1-, 3- and
    10-year gains at 25 % success (> 12, about 60 and > 180 MSEK) are not reproduced: 40 people
    at 437 500 give 17.5 MSEK a year, so they rest on assumptions (ramp-up, durability) the
    brief does not give."""
    assert per_person_year(70_000_000, people=160, years=1) == 437_500


def test_pitea_break_even_in_the_first_year():
    """Piteå (Angela Nilsson, 2014): 34 people on försörjningsstöd; the municipality breaks even
    in year 1 if 9.5 (28 %) move to ordinary jobs, and loses SEK 2.3 m if all stay.
    Assumptions: the municipality's net cost of the project is the 2.3 m it loses when nobody
    leaves; what it saves per person-year is not in the brief, so it is derived from the two
    figures as 2.3 m / 9.5 ≈ 242 000 (rounded) and entered as its only gain; one year, no
    discounting, no deadweight. The test therefore checks the Piteå way of counting (break-even
    people and share for one payer), not an independent figure. The "1.5 people (4.5 %) within
    a term of office" figure needs yearly figures the brief lacks and is not checked."""
    cost = ProjectCost(total=2_300_000, years=1, shares={Actor.KOMMUN: 1.0})
    p = only_gain(Actor.KOMMUN, 242_000, horizon_years=1)
    kommun = valuation(p, people=0, cost=cost, participants=34).actors[0]
    assert round(kommun.break_even_people, 1) == 9.5
    assert round(kommun.break_even_share * 100) == 28
