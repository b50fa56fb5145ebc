from django.db.models import Count, Q, QuerySet

from baslager.employers.models import Employer
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import LowThresholdTask, Opening, OpeningStatusChange


def opening_list(
    *,
    membership: Membership,
    search: str = "",
    kind: str = "",
    status: str = "",
    kommun: str = "",
    employer: Employer | None = None,
) -> QuerySet[Opening]:
    queryset = (
        scoped(Opening, membership)
        .select_related("employer", "occupation")
        .prefetch_related("must_have_skills")
    )
    for word in search.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(occupation__label__icontains=word))
    filters = {"kind": kind, "status": status, "kommun_code": kommun, "employer": employer}
    queryset = queryset.filter(**{field: value for field, value in filters.items() if value})
    return queryset.order_by("-created_at", "-pk")


def opening_detail(*, membership: Membership, public_id) -> Opening:
    return get_scoped_or_404(
        Opening.objects.select_related("employer", "occupation", "occupation__group", "supervisor"),
        membership,
        public_id=public_id,
    )


def opening_history(*, opening: Opening) -> QuerySet[OpeningStatusChange]:
    return opening.status_changes.select_related("changed_by").order_by("-changed_at", "-pk")


def openings_at_employer(*, membership: Membership, employer: Employer) -> QuerySet[Opening]:
    return (
        scoped(Opening, membership)
        .filter(employer=employer)
        .select_related("occupation")
        .order_by("-created_at", "-pk")
    )


def _tasks(membership: Membership, employer: Employer | None, project) -> QuerySet:
    queryset = scoped(LowThresholdTask, membership)
    if employer is not None:
        queryset = queryset.filter(employer=employer)
    if project is not None:
        queryset = queryset.filter(project=project)
    return queryset


def task_list(
    *, membership: Membership, employer: Employer | None = None, project=None
) -> QuerySet[LowThresholdTask]:
    return (
        _tasks(membership, employer, project)
        .select_related("employer", "project")
        .order_by("-identified_on", "-pk")
    )


def task_counts(
    *, membership: Membership, employer: Employer | None = None, project=None
) -> dict[str, int]:
    """How many tasks the organisation (or one project) has identified, and how many of them
    are offered to everyone regardless of gender."""
    return _tasks(membership, employer, project).aggregate(
        identified=Count("pk"),
        offered_to_everyone=Count("pk", filter=Q(offered_to_everyone_regardless_of_gender=True)),
    )


def tasks_at_employer(*, membership: Membership, employer: Employer) -> QuerySet[LowThresholdTask]:
    return scoped(LowThresholdTask, membership).filter(employer=employer).order_by("title", "pk")
