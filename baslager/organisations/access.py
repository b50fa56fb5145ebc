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
    cells = [suppress_small(count) for count in counts]
    hidden = [i for i, cell in enumerate(cells) if cell is None]
    shown_total = suppress_small(total)
    if not hidden or shown_total is None:
        return SuppressedCells(cells, shown_total)

    def protected() -> bool:
        return len(hidden) >= 2 and sum(counts[i] for i in hidden) >= SMALLEST_SHOWN_COUNT

    candidates = sorted((count, i) for i, count in enumerate(counts) if cells[i])
    complementary = set()
    while not protected() and candidates:
        _count, i = candidates.pop(0)
        cells[i] = None
        hidden.append(i)
        complementary.add(i)
    return SuppressedCells(cells, shown_total if protected() else None, frozenset(complementary))


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
