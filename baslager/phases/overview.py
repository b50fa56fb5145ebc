"""Figures for the organisation as a whole: participants by phase and gender, small cells hidden."""

from dataclasses import dataclass

from django.db.models import Count, Q

from baslager.organisations.access import counted_in_aggregates, scoped, suppress_small
from baslager.organisations.models import Membership
from baslager.participants.models import Gender, Participant, ParticipantStatus

from .models import Phase

GENDER_COLUMNS = [Gender.WOMAN, Gender.MAN, Gender.OTHER, Gender.NOT_STATED]


@dataclass
class OverviewRow:
    label: str
    cells: list[int | None]
    total: int | None


def _row(label: str, counts: dict) -> OverviewRow:
    cells = [suppress_small(counts.get(gender.value, 0)) for gender in GENDER_COLUMNS]
    return OverviewRow(label=label, cells=cells, total=suppress_small(counts.get("total", 0)))


def phase_overview(*, membership: Membership) -> dict:
    """Active participants per phase and gender; every cell under five is suppressed."""
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
    phases = scoped(Phase, membership).filter(is_active=True).order_by("position")
    overview_rows = [_row(phase.name, by_phase.get(phase.pk, {})) for phase in phases]
    totals = {key: sum(row.get(key, 0) for row in by_phase.values()) for key in per_gender}
    totals["total"] = sum(row["total"] for row in by_phase.values())
    return {
        "genders": [gender.label for gender in GENDER_COLUMNS],
        "rows": overview_rows,
        "totals": _row("", totals),
    }
