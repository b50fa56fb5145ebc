"""The one mechanism that decides what a member of an organisation may see.

Every model that holds organisation data names its *access policy* and, when it
belongs to a participant, the lookup from it to the participant:

    class Goal(OrganisationOwned):
        access_policy = AccessPolicy.PARTICIPANT
        participant_lookup = "participant"

Views never filter by organisation or caseload themselves: they ask
``scoped(Model, membership)`` for a queryset, or ``get_scoped_or_404`` for one
object. Objects outside the scope answer 404, whether they exist or not, so ids
cannot be probed.

Policies:

* ORGANISATION: data every member of the organisation may read (phases,
  employers). Writes are guarded by roles in the views.
* PARTICIPANT: participant data. Administrators see all of their organisation's
  participants; coaches see their own caseload, or the whole organisation's when
  the organisation allows it; scouts and viewers see none.
* SHARED_OR_PARTICIPANT: records that are either shared or someone's own, such
  as activities. The model names ``shared_lookup`` (a boolean: a group activity)
  and ``participant_lookup`` (to its participants). Shared records, and records
  nobody takes part in, are open to the organisation; the others, e.g. a
  one-to-one activity whose title names the participant, only to those who may
  see at least one of its participants under the PARTICIPANT policy.
* RESTRICTED: special-category data (health, disability, origin) and case notes.
  Only administrators and the participant's own coaches, whatever the
  organisation allows; every read is logged by the caller.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from .models import AccessPolicy, Membership, Role

__all__ = ["AccessPolicy", "get_scoped_or_404", "scoped", "counted_in_aggregates"]


def scoped(model: type[Model], membership: Membership | None) -> QuerySet:
    """All rows of ``model`` that ``membership`` may see."""
    queryset = model._default_manager.all()
    if membership is None:
        return queryset.none()
    policy = getattr(model, "access_policy", None)
    if policy is None:
        raise TypeError(f"{model.__name__} declares no access_policy")
    queryset = queryset.filter(organisation_id=membership.organisation_id)
    if policy == AccessPolicy.ORGANISATION or membership.role == Role.ADMIN:
        return queryset
    if policy == AccessPolicy.SHARED_OR_PARTICIPANT:
        return _shared_or_participant(model, queryset, membership)
    if membership.role != Role.COACH:
        return queryset.none()
    if policy == AccessPolicy.PARTICIPANT and membership.organisation.coaches_see_all_participants:
        return queryset
    lookup = getattr(model, "participant_lookup", "")
    # One user matches a participant's coaches at most once, so this join adds no duplicates.
    return queryset.filter(**{f"{lookup}__coaches" if lookup else "coaches": membership.user_id})


def _shared_or_participant(model: type[Model], queryset: QuerySet, membership: Membership):
    if membership.role == Role.COACH and membership.organisation.coaches_see_all_participants:
        return queryset
    lookup = model.participant_lookup
    # Subqueries rather than joins: a record with many participants stays one row.
    taken_part_in = model._default_manager.filter(**{f"{lookup}__isnull": False}).values("pk")
    visible = Q(**{model.shared_lookup: True}) | ~Q(pk__in=taken_part_in)
    if membership.role == Role.COACH:
        own = model._default_manager.filter(**{f"{lookup}__coaches": membership.user_id})
        visible |= Q(pk__in=own.values("pk"))
    return queryset.filter(visible)


def counted_in_aggregates(model: type[Model], membership: Membership | None) -> QuerySet:
    """Rows of the whole organisation, for figures only.

    Viewers (funders, steering groups) see aggregates and never rows; callers must return counts,
    and suppress small cells with ``suppress_small``, never the rows themselves.
    """
    if membership is None:
        return model._default_manager.none()
    return model._default_manager.filter(organisation_id=membership.organisation_id)


# A count of fewer than this many people is not shown, so nobody can be singled out.
SMALLEST_SHOWN_COUNT = 5


def suppress_small(count: int) -> int | None:
    """``None`` (shown as "fewer than 5") for counts of 1–4; zero and larger counts as they are."""
    return None if 0 < count < SMALLEST_SHOWN_COUNT else count


def _hidden_cells(counts: dict, lines: list[tuple[list, object]]) -> set:
    """The positions in ``counts`` to hide: the small ones (1–4), and then, line by line (the
    parts of a line add up to its total), more until no hidden count can be worked out from the
    shown ones: a line whose total is shown hides either nothing, or at least two of its parts
    holding five people or more between them. The smallest shown part is hidden next, or, when
    none is left, the total. Hiding in one line can unsettle another, so this runs until every
    line holds."""
    hidden = {position for position, count in counts.items() if suppress_small(count) is None}
    settled = False
    while not settled:
        settled = True
        for parts, total in lines:
            if total in hidden:
                continue
            hidden_parts = [p for p in parts if p in hidden]
            if not hidden_parts or (
                len(hidden_parts) >= 2
                and sum(counts[p] for p in hidden_parts) >= SMALLEST_SHOWN_COUNT
            ):
                continue
            shown = sorted((counts[p], i) for i, p in enumerate(parts) if p not in hidden)
            shown = [(count, i) for count, i in shown if count > 0]
            hidden.add(parts[shown[0][1]] if shown else total)
            settled = False
    return hidden


@dataclass(frozen=True)
class SuppressedCells:
    """Counts of the parts of a whole as they may be shown: ``None`` where hidden.
    ``complementary`` holds the positions hidden only so that a small one cannot be worked out."""

    cells: list[int | None]
    total: int | None
    complementary: frozenset[int] = frozenset()


def suppress_cells(counts: Sequence[int], total: int) -> SuppressedCells:
    """The parts of ``total`` with small counts hidden, and enough others beside them that the
    hidden ones cannot be found by subtracting the shown ones from the total.

    With women 25, men 33 and non-binary 3 of 61, hiding the 3 alone would give it away as
    61 − 25 − 33; the smallest shown part is hidden too, until at least two parts are hidden and
    they hold five people or more between them. When that cannot be done, the total is hidden.
    """
    values = dict(enumerate(counts)) | {"total": total}
    hidden = _hidden_cells(values, [(list(range(len(counts))), "total")])
    return SuppressedCells(
        cells=[None if i in hidden else count for i, count in enumerate(counts)],
        total=None if "total" in hidden else total,
        complementary=frozenset(
            i for i in hidden if i != "total" and suppress_small(counts[i]) is not None
        ),
    )


@dataclass(frozen=True)
class SuppressedTable:
    """A table of counts with its row and column totals as it may be shown (``None`` where
    hidden); ``complementary`` holds the (row, column) positions, totals included, hidden only
    so that a small count cannot be worked out."""

    rows: list[list[int | None]]
    row_totals: list[int | None]
    column_totals: list[int | None]
    total: int | None
    complementary: frozenset[tuple[int, int]] = frozenset()


def suppress_table(rows: Sequence[Sequence[int]]) -> SuppressedTable:
    """``rows`` of counts with their totals, hidden as ``suppress_cells`` hides one line, for
    every row and every column: a small count in a table with totals both ways could otherwise
    be worked out down its column even when its row protects it. The totals row is row
    ``len(rows)`` and the totals column is column ``width`` in ``complementary``."""
    height, width = len(rows), len(rows[0]) if rows else 0
    grid = {(i, j): count for i, row in enumerate(rows) for j, count in enumerate(row)}
    for i in range(height):
        grid[i, width] = sum(rows[i])
    for j in range(width + 1):
        grid[height, j] = sum(grid[i, j] for i in range(height))
    lines = [([(i, j) for j in range(width)], (i, width)) for i in range(height + 1)]
    lines += [([(i, j) for i in range(height)], (height, j)) for j in range(width + 1)]
    hidden = _hidden_cells(grid, lines)

    def shown(i: int, j: int) -> int | None:
        return None if (i, j) in hidden else grid[i, j]

    return SuppressedTable(
        rows=[[shown(i, j) for j in range(width)] for i in range(height)],
        row_totals=[shown(i, width) for i in range(height)],
        column_totals=[shown(height, j) for j in range(width)],
        total=shown(height, width),
        complementary=frozenset(p for p in hidden if suppress_small(grid[p]) is not None),
    )


def get_scoped_or_404(model_or_queryset, membership: Membership | None, **lookup):
    """One object in scope, or 404 for anything missing or out of scope alike."""
    if isinstance(model_or_queryset, QuerySet):
        queryset = model_or_queryset & scoped(model_or_queryset.model, membership)
    else:
        queryset = scoped(model_or_queryset, membership)
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist as exc:
        raise Http404 from exc


def may_read_restricted(membership: Membership | None, participant) -> bool:
    """Whether special-category data and case notes of ``participant`` may be shown."""
    if membership is None or participant.organisation_id != membership.organisation_id:
        return False
    if membership.role == Role.ADMIN:
        return True
    return (
        membership.role == Role.COACH and participant.coaches.filter(pk=membership.user_id).exists()
    )
