from dataclasses import dataclass

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils import timezone

from baslager.core.secret_links import token_hash
from baslager.employers.models import Supervisor
from baslager.handbook.models import ChecklistStage
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership
from baslager.participants.models import Participant, ParticipantStatus

from .models import (
    Placement,
    PlacementChecklist,
    PlacementChecklistItem,
    PlacementStatus,
    SupervisorLink,
)

ACTIVE_STATUSES = (PlacementStatus.PLANNED, PlacementStatus.ONGOING)


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done == self.total


@dataclass
class StageChecklists:
    stage: ChecklistStage
    checklists: list[PlacementChecklist]
    progress: Progress


@dataclass
class ChecklistOverview:
    stages: list[StageChecklists]
    progress: Progress


def placement_detail(*, membership: Membership, public_id) -> Placement:
    return get_scoped_or_404(
        Placement.objects.select_related(
            "participant", "employer", "opening", "supervisor", "created_by"
        ),
        membership,
        public_id=public_id,
    )


def checklist_overview(*, placement: Placement) -> ChecklistOverview:
    """The placement's checklists by stage, with progress per stage and in all: two queries."""
    checklists = placement.checklists.order_by("position", "pk").prefetch_related(
        Prefetch(
            "items",
            queryset=PlacementChecklistItem.objects.select_related("done_by").order_by(
                "position", "pk"
            ),
        )
    )
    by_stage: dict[str, list[PlacementChecklist]] = {}
    for checklist in checklists:
        by_stage.setdefault(checklist.stage, []).append(checklist)
    stages = []
    for stage in ChecklistStage:
        if stage in by_stage:
            items = [item for checklist in by_stage[stage] for item in checklist.items.all()]
            progress = Progress(done=sum(item.is_done for item in items), total=len(items))
            stages.append(
                StageChecklists(stage=stage, checklists=by_stage[stage], progress=progress)
            )
    overall = Progress(
        done=sum(s.progress.done for s in stages), total=sum(s.progress.total for s in stages)
    )
    return ChecklistOverview(stages=stages, progress=overall)


def _with_progress(queryset: QuerySet[Placement]) -> QuerySet[Placement]:
    return queryset.annotate(
        items_total=Count("checklists__items"),
        items_done=Count("checklists__items", filter=Q(checklists__items__done_at__isnull=False)),
    )


def placements_of_participant(
    *, membership: Membership, participant: Participant
) -> QuerySet[Placement]:
    """The participant's placements, newest first, each with ``items_done`` of ``items_total``."""
    return _with_progress(
        scoped(Placement, membership)
        .filter(participant=participant)
        .select_related("employer", "supervisor")
    ).order_by("-starts_on", "-pk")


def placements_of_supervisor(
    *, membership: Membership, supervisor: Supervisor
) -> QuerySet[Placement]:
    """The placements the supervisor guides that ``membership`` may see (none for scouts): current
    ones first, then past, with checklist progress, in one query."""
    return _with_progress(
        scoped(Placement, membership).filter(supervisor=supervisor).select_related("participant")
    ).order_by(
        Case(When(status=PlacementStatus.ENDED, then=Value(1)), default=Value(0)),
        "-starts_on",
        "-pk",
    )


def supervisor_load(*, supervisor: Supervisor) -> int:
    """How many planned or ongoing placements the supervisor has: a count for capacity, shown to
    everyone who may see the supervisor, whoever the participants are."""
    return Placement.objects.filter(supervisor=supervisor, status__in=ACTIVE_STATUSES).count()


def supervisor_over_capacity(*, supervisor: Supervisor | None) -> bool:
    return supervisor is not None and supervisor_load(supervisor=supervisor) > supervisor.capacity


def participants_to_place(*, membership: Membership) -> QuerySet[Participant]:
    return (
        scoped(Participant, membership)
        .filter(status=ParticipantStatus.ACTIVE)
        .order_by("last_name", "first_name", "pk")
    )


def working_supervisor_link(*, placement: Placement) -> SupervisorLink | None:
    """The placement's link that still opens the page, if any."""
    link = (
        placement.supervisor_links.filter(revoked_at__isnull=True)
        .select_related("created_by")
        .first()
    )
    if link is None or link.expires_on < timezone.localdate():
        return None
    return link


def supervisor_link_by_token(*, token: str) -> SupervisorLink:
    """The working link with this token, or 404 for a wrong, revoked or expired one alike.

    The supervisor has no account and so no membership: the token itself is the permission, which
    is why this is the one lookup of participant data that does not go through ``scoped``."""
    link = (
        SupervisorLink.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True)
        .select_related(
            "created_by", "placement__participant", "placement__employer", "placement__supervisor"
        )
        .first()
    )
    if link is None or link.expires_on < timezone.localdate():
        raise Http404
    return link
