"""The socio-economic investment calculation in the style of Ingvar Nilsson and Eva Nilsson
Lundmark (domain-rules.md §2.3), as pure functions over plain values.

A person who moves from exclusion into work stops costing each payer (actor) what their exclusion
cost it, and starts producing. Two kinds of cost are kept apart:

* **real** costs use resources (social workers' time, health care, programmes) and, with the
  production a person in work adds, are what society as a whole gains;
* **financial** costs are transfers (försörjningsstöd, ersättningar): the payer saves them and the
  person stops receiving them, so for society they net to zero.

The value a person produces in work (wage plus employer contributions) is split between the
actors by tax shares; the person keeps the rest. So every actor's gain adds up to society's gain.

Conventions: effects start the year after someone reaches work; year ``t`` (1 … horizon) is
discounted by ``(1 + rate) ** t``; of those who reach work, the share ``durability ** (t - 1)``
is still in work in year ``t``; deadweight is the share who would have reached work anyway, so
only ``1 - deadweight`` of them count. The project's cost is paid before the effects, undiscounted.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .models import Actor

SOCIETY = "society"


@dataclass(frozen=True)
class CostLine:
    """What one person's exclusion costs ``actor`` in a year, in SEK."""

    actor: str
    amount: float
    real: bool


@dataclass(frozen=True)
class Parameters:
    """Rates and shares are fractions (0.035, not 3.5)."""

    costs: tuple[CostLine, ...]
    production_value: float  # SEK per full-time person-year: wage plus employer contributions
    employment_rate: float  # share of full time worked after exit
    tax_shares: Mapping[
        str, float
    ]  # actor → share of the production value; the person keeps the rest
    horizon_years: int
    discount_rate: float
    deadweight: float
    durability: float  # share of those in work who are still in work a year later


@dataclass(frozen=True)
class ProjectCost:
    """The project's cost in SEK, its length in years, and who pays which share (payer → fraction;
    payers that are not actors, such as ESF+, gain nothing back)."""

    total: float
    years: float
    shares: Mapping[str, float]

    @property
    def per_year(self) -> float | None:
        return self.total / self.years if self.years else None

    def paid_by(self, actor: str) -> float:
        if actor == SOCIETY:
            return self.total
        return self.total * self.shares.get(actor, 0.0)


@dataclass(frozen=True)
class YearlyGain:
    """What one person in work for a year saves or earns ``actor``, in SEK."""

    real: float
    financial: float
    production: float

    @property
    def total(self) -> float:
        return self.real + self.financial + self.production


@dataclass(frozen=True)
class ActorResult:
    actor: str
    per_person_year: YearlyGain
    present_value: float  # of the gains over the horizon, for the people valued
    cost: float  # the actor's share of the project's cost
    payback_year: int | None  # first year the gains cover the cost; None: not within the horizon
    break_even_people: float | None  # participants who must reach work to cover the cost
    break_even_share: float | None  # … as a share of the participants

    @property
    def net(self) -> float:
        return self.present_value - self.cost


@dataclass(frozen=True)
class Valuation:
    people: float
    horizon_years: int
    actors: list[ActorResult]
    society: ActorResult
    gain_to_annual_budget: float | None  # Jönköping style: long-term gain over a year's budget

    @property
    def financial_net(self) -> float:
        """Transfers summed over all actors: zero whatever the parameters (checked in tests)."""
        return sum(result.per_person_year.financial for result in self.actors)


def per_person_year(total: float, *, people: float, years: float) -> float:
    """A published total spread over people and years (72 MSEK / 9 people / 15 years)."""
    return total / (people * years)


def in_work_share(year: int, durability: float) -> float:
    return durability ** (year - 1)


def discount_factor(year: int, rate: float) -> float:
    return (1 + rate) ** -year


def yearly_gains(parameters: Parameters) -> dict[str, YearlyGain]:
    """Per actor (in Actor order, then society): one person in work for one year."""
    produced = parameters.production_value * parameters.employment_rate
    transfers = sum(line.amount for line in parameters.costs if not line.real)
    kept = 1 - sum(parameters.tax_shares.values())
    gains = {}
    for actor in Actor.values:
        own = [line for line in parameters.costs if line.actor == actor]
        financial = sum(line.amount for line in own if not line.real)
        if actor == Actor.PERSON:
            # The transfers stop: what every payer saves, the person no longer receives.
            financial -= transfers
        gains[actor] = YearlyGain(
            real=sum(line.amount for line in own if line.real),
            financial=financial,
            production=produced
            * (kept if actor == Actor.PERSON else parameters.tax_shares.get(actor, 0.0)),
        )
    gains[SOCIETY] = YearlyGain(
        real=sum(line.amount for line in parameters.costs if line.real),
        financial=0.0,
        production=produced,
    )
    return gains


def person_weights(parameters: Parameters) -> list[float]:
    """For each year 1 … horizon, how much one person reaching work counts: after deadweight,
    still in work, discounted."""
    return [
        (1 - parameters.deadweight)
        * in_work_share(year, parameters.durability)
        * discount_factor(year, parameters.discount_rate)
        for year in range(1, parameters.horizon_years + 1)
    ]


def payback_year(yearly: list[float], cost: float) -> int | None:
    """The first year (1 …) the summed gains cover ``cost``; 0 when there is nothing to cover."""
    if cost <= 0:
        return 0
    running = 0.0
    for year, gain in enumerate(yearly, start=1):
        running += gain
        if running >= cost:
            return year
    return None


def break_even_people(cost: float, value_per_person: float) -> float | None:
    """How many must reach work for their value to cover ``cost`` (Piteå style)."""
    if cost <= 0:
        return 0.0
    if value_per_person <= 0:
        return None
    return cost / value_per_person


def valuation(
    parameters: Parameters,
    *,
    people: float,
    cost: ProjectCost | None = None,
    participants: int | None = None,
) -> Valuation:
    """``people`` reaching work, valued over the horizon for each actor and for society, with
    payback and break-even against ``cost`` among ``participants``."""
    weights = person_weights(parameters)
    per_person = sum(weights)

    def result(actor: str, gain: YearlyGain) -> ActorResult:
        paid = cost.paid_by(actor) if cost else 0.0
        needed = break_even_people(paid, gain.total * per_person)
        return ActorResult(
            actor=actor,
            per_person_year=gain,
            present_value=people * gain.total * per_person,
            cost=paid,
            payback_year=payback_year([people * gain.total * w for w in weights], paid),
            break_even_people=needed,
            break_even_share=needed / participants if needed is not None and participants else None,
        )

    results = [result(actor, gain) for actor, gain in yearly_gains(parameters).items()]
    society = results.pop()
    per_year = cost.per_year if cost else None
    return Valuation(
        people=people,
        horizon_years=parameters.horizon_years,
        actors=results,
        society=society,
        gain_to_annual_budget=society.present_value / per_year if per_year else None,
    )
