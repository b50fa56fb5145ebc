from datetime import date

from django.db.models import Count, Q, QuerySet

from baslager.openings.models import LowThresholdTask
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership

from .models import Project


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
    return (
        scoped(LowThresholdTask, membership)
        .filter(project=project)
        .aggregate(
            identified=Count("pk"),
            offered_to_everyone=Count(
                "pk", filter=Q(offered_to_everyone_regardless_of_gender=True)
            ),
        )
    )
