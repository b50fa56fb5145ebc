from decimal import Decimal

from django.db.models import DateField, ExpressionWrapper, OuterRef, QuerySet, Subquery

from baslager.organisations.access import counted_in_aggregates
from baslager.organisations.models import Membership
from baslager.projects.models import (
    SITUATION_WINDOW,
    ExitSituation,
    Funder,
    Project,
    ProjectEnrolment,
    SituationKind,
)

from .calculation import CostLine, Parameters, ProjectCost
from .models import TAX_SHARE_KEYS, Actor, Assumption, AssumptionKey, CostKind, ParameterSet

EXTERNAL = "external"
# Who pays a project, by its funder. A samordningsförbund is financed half by the state
# (Försäkringskassan and Arbetsförmedlingen), a quarter each by region and municipalities.
FUNDER_PAYERS = {
    Funder.KOMMUN: {Actor.KOMMUN: 1.0},
    Funder.ARBETSFORMEDLINGEN: {Actor.STATE: 1.0},
    Funder.REGION: {Actor.REGION: 1.0},
    Funder.SAMORDNINGSFORBUND: {
        Actor.FORSAKRINGSKASSAN: 0.25,
        Actor.STATE: 0.25,
        Actor.REGION: 0.25,
        Actor.KOMMUN: 0.25,
    },
}


def assumptions_in_order(parameter_set: ParameterSet) -> list[Assumption]:
    order = {key: index for index, key in enumerate(AssumptionKey.values)}
    return sorted(parameter_set.assumptions.all(), key=lambda a: order[a.key])


def parameters_from(cost_items, assumptions) -> Parameters:
    """The calculation's parameters from rows and assumptions (saved or not); percentages become
    fractions."""
    values = {a.key: Decimal(a.value) for a in assumptions}

    def fraction(key) -> float:
        return float(values[key]) / 100

    return Parameters(
        costs=tuple(
            CostLine(
                actor=item.actor,
                amount=float(item.amount_per_year),
                real=item.kind == CostKind.REAL,
            )
            for item in cost_items
        ),
        production_value=float(values[AssumptionKey.PRODUCTION_VALUE]),
        employment_rate=fraction(AssumptionKey.EMPLOYMENT_RATE),
        tax_shares={actor: fraction(key) for key, actor in TAX_SHARE_KEYS.items()},
        horizon_years=int(values[AssumptionKey.HORIZON]),
        discount_rate=fraction(AssumptionKey.DISCOUNT_RATE),
        deadweight=fraction(AssumptionKey.DEADWEIGHT),
        durability=fraction(AssumptionKey.DURABILITY),
    )


def parameters_of(parameter_set: ParameterSet) -> Parameters:
    return parameters_from(parameter_set.cost_items.all(), parameter_set.assumptions.all())


def _enrolments(membership: Membership, project: Project) -> QuerySet:
    return counted_in_aggregates(ProjectEnrolment, membership).filter(project=project)


def people_into_work(*, membership: Membership, project: Project) -> int:
    """How many of the project's participants left it for employment (self-employment included):
    the last situation recorded in the 28 days after their exit is employment, the rule the ESF+
    result indicators use. A count for figures, never the people."""
    last_situation = (
        ExitSituation.objects.filter(
            enrolment=OuterRef("pk"),
            occurred_on__gte=OuterRef("exit_date"),
            occurred_on__lte=ExpressionWrapper(
                OuterRef("exit_date") + SITUATION_WINDOW, output_field=DateField()
            ),
        )
        .order_by("-occurred_on", "-pk")
        .values("kind")[:1]
    )
    exited = _enrolments(membership, project).filter(exit_date__isnull=False)
    return (
        exited.annotate(last_kind=Subquery(last_situation))
        .filter(last_kind=SituationKind.EMPLOYMENT)
        .count()
    )


def project_participants(*, membership: Membership, project: Project) -> int | None:
    """The participants the project has enrolled, or planned to while none are enrolled yet."""
    return _enrolments(membership, project).count() or project.planned_participants


def project_cost_of(project: Project) -> ProjectCost | None:
    """The project's budget over its period, paid by its funder (ESF+ and other outside funders
    gain nothing back)."""
    if project.budget is None:
        return None
    days = (project.ends_on - project.starts_on).days + 1
    return ProjectCost(
        total=float(project.budget),
        years=days / 365.25,
        shares=FUNDER_PAYERS.get(project.funder, {}),
    )
