"""The dashboard: each target of a project against what has been achieved, now and month by month,
by gender, with small cells suppressed for everyone but administrators."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from baslager.organisations.access import scoped, suppress_small
from baslager.organisations.models import Membership
from baslager.projects.models import Project

from .actuals import FACTS, GENDER_COLUMNS, OTHER, Tally
from .models import ProjectTarget, TargetKind

ONE_DECIMAL = Decimal("0.1")


def targets_of(*, membership: Membership, project: Project) -> QuerySet[ProjectTarget]:
    return scoped(ProjectTarget, membership).filter(project=project)


def month_ends(project: Project, today: date) -> list[date]:
    """The last day of each month from the project's start to today (or its end), the last one
    cut at today."""
    last = min(today, project.ends_on)
    days, month = [], project.starts_on.replace(day=1)
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        days.append(min(following - timedelta(days=1), last))
        month = following
    return days


@dataclass(frozen=True)
class Figure:
    """One cell: ``counted`` of ``out_of`` (shares), and ``value`` (the share or increase in per
    cent, or the count). None where suppressed or not computable."""

    counted: int | None
    out_of: int | None = None
    value: Decimal | int | None = None
    suppressed: bool = False


def _share(counted: int | None, out_of: int | None) -> Decimal | None:
    if counted is None or not out_of:
        return None
    return (Decimal(100) * counted / out_of).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def _figure(
    target: ProjectTarget, counted: int, out_of: int | None, *, exact: bool, total: bool
) -> Figure:
    shown_counted = counted if exact else suppress_small(counted)
    shown_out_of = out_of if exact or out_of is None else suppress_small(out_of)
    is_share = target.kind in TargetKind.shares()
    suppressed = shown_counted is None or (is_share and shown_out_of is None)
    if is_share:
        value = _share(shown_counted, shown_out_of)
    elif target.kind == TargetKind.INTERNSHIP_PLACES and total and target.baseline:
        value = (
            None
            if shown_counted is None
            else (Decimal(100) * (shown_counted - target.baseline) / target.baseline).quantize(
                ONE_DECIMAL, ROUND_HALF_UP
            )
        )
    else:
        value = shown_counted
    return Figure(counted=shown_counted, out_of=shown_out_of, value=value, suppressed=suppressed)


@dataclass(frozen=True)
class Reading:
    """A target's actuals on one day: the whole project and each gender column."""

    total: Figure
    by_gender: list[tuple[str, Figure]]


def _reading(target: ProjectTarget, tally: Tally, *, exact: bool) -> Reading:
    # Tasks are not people: nothing about anyone can be read from their count.
    exact = exact or not tally.by_gender
    out_of = tally.out_of or {}
    by_gender = [
        (
            column,
            _figure(
                target,
                tally.counted[column],
                out_of.get(column) if tally.out_of is not None else None,
                exact=exact,
                total=False,
            ),
        )
        for column in GENDER_COLUMNS
        if tally.by_gender or column == OTHER
    ]
    total = _figure(target, tally.total, tally.total_out_of, exact=exact, total=True)
    return Reading(total=total, by_gender=by_gender if tally.by_gender else [])


@dataclass(frozen=True)
class TargetStatus:
    target: ProjectTarget
    now: Reading
    months: list[tuple[date, Reading]]

    @property
    def kind(self) -> TargetKind:
        return TargetKind(self.target.kind)

    @property
    def progress(self) -> int | None:
        """How far towards the target, in per cent (may pass 100)."""
        value = self.now.total.value
        if value is None:
            return None
        if not self.target.value:
            return 100
        return int((Decimal(value) * 100 / self.target.value).quantize(Decimal(1), ROUND_HALF_UP))

    @property
    def reached(self) -> bool | None:
        value = self.now.total.value
        return None if value is None else value >= self.target.value


def dashboard(*, membership: Membership, project: Project, today: date) -> list[TargetStatus]:
    """Every target of ``project`` with its actuals today and at each month's end. The facts of
    each kind are read once, whatever the number of months."""
    exact = membership.is_admin
    days = month_ends(project, today)
    statuses = []
    order = list(TargetKind.values)
    targets = sorted(
        targets_of(membership=membership, project=project), key=lambda t: order.index(t.kind)
    )
    for target in targets:
        facts = FACTS[target.kind](project)
        statuses.append(
            TargetStatus(
                target=target,
                now=_reading(target, facts.at(today), exact=exact),
                months=[(day, _reading(target, facts.at(day), exact=exact)) for day in days],
            )
        )
    return statuses
