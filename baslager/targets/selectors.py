"""The dashboard: each target of a project against what has been achieved, now and month by month,
by gender, with small cells suppressed for everyone but administrators."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from baslager.organisations.access import SuppressedCells, scoped, suppress_cells
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
    # Hidden although not small, so that a small cell cannot be worked out from the total.
    complementary: bool = False


def _share(counted: int | None, out_of: int | None) -> Decimal | None:
    if counted is None or not out_of:
        return None
    return (Decimal(100) * counted / out_of).quantize(ONE_DECIMAL, ROUND_HALF_UP)


def _figure(
    target: ProjectTarget,
    counted: int | None,
    out_of: int | None,
    *,
    total: bool,
    complementary: bool = False,
) -> Figure:
    """A cell from counts as they may be shown (``None`` where hidden)."""
    is_share = target.kind in TargetKind.shares()
    if is_share:
        value = _share(counted, out_of)
    elif target.kind == TargetKind.INTERNSHIP_PLACES and total:
        value = increase(counted, target.baseline)
    else:
        value = counted
    return Figure(
        counted=counted,
        out_of=out_of,
        value=value,
        suppressed=counted is None or (is_share and out_of is None),
        complementary=complementary,
    )


def increase(places: int | None, baseline: int | None) -> Decimal | None:
    """The increase in internship places in per cent: the project's places are new places on
    top of the ``baseline`` the organisation had before, so 5 places over 10 are +50 %."""
    if places is None or not baseline:
        return None
    return (Decimal(100) * places / baseline).quantize(ONE_DECIMAL, ROUND_HALF_UP)


@dataclass(frozen=True)
class Reading:
    """A target's actuals on one day: the whole project and each gender column."""

    total: Figure
    by_gender: list[tuple[str, Figure]]


def _shown(counts: list[int], total: int, exact: bool) -> SuppressedCells:
    return SuppressedCells(counts, total) if exact else suppress_cells(counts, total)


def _reading(target: ProjectTarget, tally: Tally, *, exact: bool) -> Reading:
    # Tasks are not people: nothing about anyone can be read from their count.
    exact = exact or not tally.by_gender
    columns = [column for column in GENDER_COLUMNS if tally.by_gender or column == OTHER]
    counted = _shown([tally.counted[column] for column in columns], tally.total, exact)
    if tally.out_of is None:
        out_of = SuppressedCells([None] * len(columns), None)
    else:
        out_of = _shown(
            [tally.out_of.get(column, 0) for column in columns], tally.total_out_of, exact
        )
    by_gender = [
        (
            column,
            _figure(
                target,
                counted.cells[i],
                out_of.cells[i],
                total=False,
                complementary=i in counted.complementary | out_of.complementary,
            ),
        )
        for i, column in enumerate(columns)
    ]
    total = _figure(target, counted.total, out_of.total, total=True)
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
