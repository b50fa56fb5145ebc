from django.db.models import Q, QuerySet

from baslager.employers.models import Employer
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import Opening, OpeningStatusChange


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
        Opening.objects.select_related("employer", "occupation", "occupation__group"),
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
