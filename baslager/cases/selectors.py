"""Reads for closing and re-opening a case."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from baslager.organisations.access import scoped
from baslager.organisations.models import Membership
from baslager.participants.models import Participant, ParticipantStatus
from baslager.phases.models import Phase
from baslager.placements.models import Placement, PlacementStatus
from baslager.plans.models import Activity, Occurrence
from baslager.projects.models import ProjectEnrolment
from baslager.proposals.models import FINAL_STATUSES, Proposal, ProposalStatus

from .models import CaseClosure, CaseReopening


@dataclass
class OpenItems:
    """What is still open for a participant, and so what closing their case changes."""

    sessions: list[Occurrence] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    enrolments: list[ProjectEnrolment] = field(default_factory=list)
    # Shared activities with coming sessions: they go on for the others and stay in the plan's
    # history; the participant is no longer expected on their attendance sheets. Nothing changes.
    shared_activities: list[Activity] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.sessions or self.placements or self.proposals or self.enrolments)

    @property
    def fingerprint(self) -> str:
        """Names exactly these items: a closing confirmed for one list must not change another."""
        parts = [
            ("s", [row.pk for row in self.sessions]),
            ("p", [row.pk for row in self.placements]),
            ("o", [row.pk for row in self.proposals]),
            ("e", [row.pk for row in self.enrolments]),
        ]
        return ";".join(f"{key}{','.join(map(str, sorted(pks)))}" for key, pks in parts)


def open_items(*, participant: Participant, now: datetime | None = None) -> OpenItems:
    """Coming sessions of the participant's own one-to-one activities (a group's sessions go on
    for the others), placements not yet ended, proposals under way and open project enrolments;
    and the shared activities that go on without them. Five queries."""
    now = now or timezone.now()
    own_activities = (
        participant.enrolments.filter(activity__is_group=False)
        .annotate(taking_part=Count("activity__enrolments"))
        .filter(taking_part=1)
        .values("activity_id")
    )
    coming = Occurrence.objects.filter(activity=OuterRef("pk"), starts_at__gte=now)
    return OpenItems(
        shared_activities=list(
            Activity.objects.filter(enrolments__participant=participant)
            .exclude(pk__in=own_activities)
            .filter(Exists(coming))
            .order_by("title")
        ),
        sessions=list(
            Occurrence.objects.filter(activity_id__in=own_activities, starts_at__gte=now)
            .select_related("activity")
            .order_by("starts_at")
        ),
        placements=list(
            Placement.objects.filter(participant=participant)
            .exclude(status=PlacementStatus.ENDED)
            .select_related("employer", "proposal")
            .order_by("starts_on", "pk")
        ),
        proposals=list(
            Proposal.objects.filter(participant=participant)
            .exclude(status__in=(*FINAL_STATUSES, ProposalStatus.STARTED))
            .select_related("opening__employer")
            .order_by("created_at", "pk")
        ),
        enrolments=list(
            ProjectEnrolment.objects.filter(participant=participant, exit_date__isnull=True)
            .select_related("project")
            .order_by("entry_date", "pk")
        ),
    )


def latest_closure(*, participant: Participant) -> CaseClosure | None:
    """The closing that ended the case, while it is closed."""
    if participant.status != ParticipantStatus.ENDED:
        return None
    return CaseClosure.objects.filter(participant=participant).select_related("closed_by").first()


def case_history(*, participant: Participant) -> list[CaseClosure | CaseReopening]:
    """Every closing and re-opening of the participant's case, newest first."""
    closures = CaseClosure.objects.filter(participant=participant).select_related("closed_by")
    reopenings = CaseReopening.objects.filter(participant=participant).select_related(
        "reopened_by", "phase"
    )
    return sorted([*closures, *reopenings], key=lambda row: row.created_at, reverse=True)


def has_left_every_project(*, participant: Participant) -> bool:
    """Whether the participant was in a project and has left them all since the case was last
    opened again: then the case may be over, and closing it is offered."""
    exits = ProjectEnrolment.objects.filter(participant=participant).aggregate(
        total=Count("pk"),
        still_in=Count("pk", filter=Q(exit_date__isnull=True)),
        last_exit=Max("exit_date"),
    )
    if not exits["total"] or exits["still_in"]:
        return False
    reopened = participant.case_reopenings.aggregate(last=Max("reopened_on"))["last"]
    return reopened is None or exits["last_exit"] > reopened


def phases_to_reopen_in(*, membership: Membership) -> QuerySet[Phase]:
    return scoped(Phase, membership).filter(is_active=True).order_by("position")
