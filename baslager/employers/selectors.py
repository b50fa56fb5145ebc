import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import (
    ContactPerson,
    Employer,
    EmployerStageChange,
    Supervisor,
    SupervisorTraining,
    ValueChainLink,
)

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


def _with_trainings(queryset: QuerySet[Supervisor]) -> QuerySet[Supervisor]:
    return queryset.prefetch_related(
        Prefetch("trainings", queryset=SupervisorTraining.objects.order_by("-completed_on", "-pk"))
    )


def employer_supervisors(*, employer: Employer) -> QuerySet[Supervisor]:
    """The employer's supervisors with their trainings, newest first, in one extra query."""
    return _with_trainings(employer.supervisors.order_by("name", "pk"))


def supervisor_detail(*, membership: Membership, pk: int) -> Supervisor:
    return get_scoped_or_404(
        _with_trainings(Supervisor.objects.select_related("employer")), membership, pk=pk
    )


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


# How many links away from the employer the chain is followed. Each step costs one query, so a
# page costs at most this many, however many employers the chain holds.
VALUE_CHAIN_DEPTH = 6


@dataclass
class ValueChain:
    columns: list[list[Employer]] = field(default_factory=list)
    links: list[ValueChainLink] = field(default_factory=list)
    # Whether employers lie beyond VALUE_CHAIN_DEPTH and are left out.
    truncated: bool = False


def value_chain_for(*, employer: Employer) -> ValueChain:
    """The employers linked to ``employer`` upstream and downstream, in columns by their place
    in the chain: producers first, sales channels last.

    One query per step away from ``employer``, at most VALUE_CHAIN_DEPTH."""
    employers = {employer.pk: employer}
    links: dict[int, ValueChainLink] = {}
    frontier = {employer.pk}
    truncated = False
    for depth in range(VALUE_CHAIN_DEPTH + 1):
        if not frontier:
            break
        if depth == VALUE_CHAIN_DEPTH:
            truncated = True
            break
        found = ValueChainLink.objects.filter(
            Q(supplier_id__in=frontier) | Q(customer_id__in=frontier),
            organisation_id=employer.organisation_id,
        ).select_related("supplier", "customer")
        frontier = set()
        for link in found:
            links[link.pk] = link
            for end in (link.supplier, link.customer):
                if end.pk not in employers:
                    employers[end.pk] = end
                    frontier.add(end.pk)
    chain_links = [
        link
        for link in sorted(links.values(), key=lambda link: link.pk)
        if link.supplier_id in employers and link.customer_id in employers
    ]
    if not chain_links:
        return ValueChain()
    layer = _layers(list(employers), chain_links)
    columns: list[list[Employer]] = [[] for _ in range(max(layer.values()) + 1)]
    for pk, index in layer.items():
        columns[index].append(employers[pk])
    for column in columns:
        column.sort(key=lambda e: (e.name.casefold(), e.pk))
    return ValueChain(columns=columns, links=chain_links, truncated=truncated)


def _layers(nodes: list[int], links: list[ValueChainLink]) -> dict[int, int]:
    """Each employer's longest path from a source. The rounds stop after one per employer, so a
    loop that slipped past the services cannot make this run forever."""
    layer = dict.fromkeys(nodes, 0)
    for _round in range(len(nodes)):
        changed = False
        for link in links:
            wanted = layer[link.supplier_id] + 1
            if wanted > layer[link.customer_id] and wanted < len(nodes):
                layer[link.customer_id] = wanted
                changed = True
        if not changed:
            break
    return layer


def value_chain_partners(*, membership: Membership, employer: Employer) -> QuerySet[Employer]:
    """The employers ``employer`` may be linked to, by name so a select can be typed into."""
    return (
        scoped(Employer, membership)
        .exclude(pk=employer.pk)
        .only("pk", "name", "city")
        .order_by("name", "pk")
    )
