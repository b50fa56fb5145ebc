"""Figures for the organisation as a whole: participants by phase and gender, small cells hidden."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from baslager.organisations.access import counted_in_aggregates, scoped, suppress_table
from baslager.organisations.models import Membership
from baslager.participants.models import Gender, Participant, ParticipantStatus

from .models import Phase

GENDER_COLUMNS = [Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.NOT_STATED]


@dataclass
class Cell:
    count: int | None  # None where hidden
    complementary: bool = False  # hidden only so that a small count cannot be worked out


@dataclass
class OverviewRow:
    label: str
    cells: list[Cell]
    total: Cell


def phase_overview(*, membership: Membership) -> dict:
    """Active participants per phase and gender; every cell under five is suppressed, and so is
    any cell from which one could be worked out with the row and column totals."""
    per_gender = {
        gender.value: Count("pk", filter=Q(gender=gender.value)) for gender in GENDER_COLUMNS
    }
    rows = (
        counted_in_aggregates(Participant, membership)
        .filter(status=ParticipantStatus.ACTIVE)
        .values("current_phase")
        .annotate(total=Count("pk"), **per_gender)
        .order_by()
    )
    by_phase = {row["current_phase"]: row for row in rows}
    phases = list(scoped(Phase, membership).filter(is_active=True).order_by("position"))
    labels = [phase.name for phase in phases]
    counts = [[by_phase.get(p.pk, {}).get(g.value, 0) for g in GENDER_COLUMNS] for p in phases]
    # Everyone is in the totals; those in no active phase get a row, so the rows add up to them.
    listed = {phase.pk for phase in phases}
    elsewhere = [
        sum(row[g.value] for key, row in by_phase.items() if key not in listed)
        for g in GENDER_COLUMNS
    ]
    if any(elsewhere):
        labels.append(_("In no active phase"))
        counts.append(elsewhere)
    table = suppress_table(counts)
    width, height = len(GENDER_COLUMNS), len(counts)

    def cell(count, i, j) -> Cell:
        return Cell(count, (i, j) in table.complementary)

    return {
        "genders": [gender.label for gender in GENDER_COLUMNS],
        "rows": [
            OverviewRow(
                label=label,
                cells=[cell(count, i, j) for j, count in enumerate(table.rows[i])],
                total=cell(table.row_totals[i], i, width),
            )
            for i, label in enumerate(labels)
        ],
        "totals": OverviewRow(
            label="",
            cells=[cell(count, height, j) for j, count in enumerate(table.column_totals)],
            total=cell(table.total, height, width),
        ),
    }
