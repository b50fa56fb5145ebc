from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth

from baslager.organisations.access import counted_in_aggregates, scoped, suppress_small
from baslager.organisations.models import Membership
from baslager.participants.models import Participant

from .models import Project, ProjectEnrolment, SixMonthFollowUp


def project_list(*, membership: Membership) -> QuerySet[Project]:
    """The organisation's projects, each with its low-threshold task counts."""
    return scoped(Project, membership).annotate(
        tasks_identified=Count("low_threshold_tasks", distinct=True),
        tasks_offered_to_everyone=Count(
            "low_threshold_tasks",
            filter=Q(low_threshold_tasks__offered_to_everyone_regardless_of_gender=True),
            distinct=True,
        ),
    )


def projects_running(*, membership: Membership, on: date) -> QuerySet[Project]:
    return scoped(Project, membership).filter(starts_on__lte=on, ends_on__gte=on)


def project_task_counts(*, membership: Membership, project: Project) -> dict[str, int]:
    """Low-threshold tasks identified in the project, and how many of them are offered to
    everyone regardless of gender (Alla kan arbeta's target counts both)."""
    # Through the project's own relation: openings sit above projects in the layering.
    return (
        scoped(Project, membership)
        .filter(pk=project.pk)
        .aggregate(
            identified=Count("low_threshold_tasks"),
            offered_to_everyone=Count(
                "low_threshold_tasks",
                filter=Q(low_threshold_tasks__offered_to_everyone_regardless_of_gender=True),
            ),
        )
    )


# Participants in projects.

# The task list shows a six-month follow-up from this many days before it is due.
FOLLOW_UP_NOTICE = timedelta(days=14)


def enrolments_of_participant(
    *, membership: Membership, participant: Participant
) -> list[ProjectEnrolment]:
    """The participant's projects, newest entry first, with situations, re-entries and
    follow-ups, in a fixed number of queries."""
    return list(
        scoped(ProjectEnrolment, membership)
        .filter(participant=participant)
        .select_related("project")
        .prefetch_related(
            "situations",
            "re_entries",
            Prefetch(
                "follow_ups_6m",
                queryset=SixMonthFollowUp.objects.filter(cancelled_at__isnull=True).select_related(
                    "assignee", "answered_by"
                ),
            ),
        )
    )


def is_in_a_project(*, participant: Participant) -> bool:
    return ProjectEnrolment.objects.filter(participant=participant, exit_date__isnull=True).exists()


def participant_projects(*, membership: Membership, participant: Participant) -> dict:
    """The participant's enrolments, and whether the member has a project to enrol them in."""
    return {
        "enrolments": enrolments_of_participant(membership=membership, participant=participant),
        "may_enrol": scoped(Project, membership).exists(),
    }


def enrolments_in_project(*, membership: Membership, project: Project) -> QuerySet:
    """The project's participants the member may see (none for scouts and viewers)."""
    return (
        scoped(ProjectEnrolment, membership)
        .filter(project=project)
        .select_related("participant")
        .order_by("-entry_date", "pk")
    )


@dataclass(frozen=True)
class MonthFlow:
    month: date
    entries: int | None
    exits: int | None


def project_flow_by_month(*, membership: Membership, project: Project) -> list[MonthFlow]:
    """Entries and exits per month for the whole project, counts only, small cells suppressed,
    so every role (viewers included) may read them."""
    enrolments = counted_in_aggregates(ProjectEnrolment, membership).filter(project=project)
    entries = dict(
        enrolments.annotate(month=TruncMonth("entry_date"))
        .values("month")
        .order_by()
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    exits = dict(
        enrolments.filter(exit_date__isnull=False)
        .annotate(month=TruncMonth("exit_date"))
        .values("month")
        .order_by()
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    return [
        MonthFlow(
            month=month,
            entries=suppress_small(entries.get(month, 0)),
            exits=suppress_small(exits.get(month, 0)),
        )
        for month in sorted(entries.keys() | exits.keys())
    ]


def project_enrolment_totals(*, membership: Membership, project: Project) -> dict:
    counts = (
        counted_in_aggregates(ProjectEnrolment, membership)
        .filter(project=project)
        .aggregate(enrolled=Count("pk"), in_project=Count("pk", filter=Q(exit_date__isnull=True)))
    )
    return {name: suppress_small(count) for name, count in counts.items()}


def follow_ups_6m_due(*, membership: Membership, today: date) -> QuerySet[SixMonthFollowUp]:
    """The member's unanswered six-month follow-ups due within two weeks or overdue, of
    participants they may see."""
    return (
        scoped(SixMonthFollowUp, membership)
        .filter(
            assignee_id=membership.user_id,
            answered_at__isnull=True,
            cancelled_at__isnull=True,
            due_on__lte=today + FOLLOW_UP_NOTICE,
        )
        .select_related("enrolment__participant", "enrolment__project")
        .order_by("due_on", "pk")
    )
