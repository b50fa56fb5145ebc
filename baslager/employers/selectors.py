import re

from django.db.models import QuerySet

from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import ContactPerson, Employer, EmployerStageChange

# Words that say only what legal form a name has, so "Bageriet AB" and "Bageriet" are one name.
_LEGAL_FORM_WORDS = re.compile(r"\b(ab|hb|kb|ekonomisk förening|ek\s*för)\b")
_NOT_WORD = re.compile(r"[^\w\s]")


def employer_name_key(name: str) -> str:
    key = _NOT_WORD.sub(" ", name.casefold())
    key = _LEGAL_FORM_WORDS.sub(" ", key)
    return " ".join(key.split())


def employer_list(
    *, membership: Membership, search: str = "", stage: str = "", kind: str = "", kommun: str = ""
) -> QuerySet[Employer]:
    queryset = scoped(Employer, membership).select_related("owner")
    for word in search.split():
        queryset = queryset.filter(name__icontains=word)
    filters = {"stage": stage, "kind": kind, "kommun_code": kommun}
    queryset = queryset.filter(**{field: value for field, value in filters.items() if value})
    return queryset.order_by("name", "pk")


def employer_detail(*, membership: Membership, public_id) -> Employer:
    return get_scoped_or_404(
        Employer.objects.select_related("owner", "industry"), membership, public_id=public_id
    )


def employer_contacts(*, employer: Employer) -> QuerySet[ContactPerson]:
    return employer.contacts.order_by("name", "pk")


def employer_stage_history(*, employer: Employer) -> QuerySet[EmployerStageChange]:
    return employer.stage_changes.select_related("changed_by").order_by("-changed_at", "-pk")


def employer_with_number(
    *, membership: Membership, organisation_number: str, exclude_pk: int | None = None
) -> Employer | None:
    if not organisation_number:
        return None
    queryset = scoped(Employer, membership).filter(organisation_number=organisation_number)
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return queryset.first()


def employers_with_similar_name(
    *, membership: Membership, name: str, exclude_pk: int | None = None
) -> list[Employer]:
    """Employers whose names match ``name`` once case, punctuation and legal-form words are
    ignored. Names are compared in Python: an organisation has hundreds of employers, not
    millions, and the rule is easier to keep right in one place."""
    key = employer_name_key(name)
    if not key:
        return []
    queryset = scoped(Employer, membership).only("pk", "public_id", "name").order_by("name", "pk")
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    return [employer for employer in queryset if employer_name_key(employer.name) == key]
