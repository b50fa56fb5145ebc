from dataclasses import dataclass, field

from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When

from baslager.accounts.models import User
from baslager.employers.models import Employer
from baslager.employers.selectors import (
    employer_name_key,
    employer_with_number,
    employers_with_similar_name,
)
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership

from .models import Lead, LeadStatus


def lead_list(
    *, membership: Membership, status: str = "", found_by: User | None = None
) -> QuerySet[Lead]:
    """Leads in the order a coach works through them: new ones first, oldest first, then the
    decided ones, latest decision first."""
    queryset = scoped(Lead, membership).select_related("found_by", "employer")
    if status:
        queryset = queryset.filter(status=status)
    if found_by is not None:
        queryset = queryset.filter(found_by=found_by)
    return queryset.order_by(
        Case(
            When(status=LeadStatus.NEW, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ),
        F("reviewed_at").desc(nulls_last=True),
        "created_at",
        "pk",
    )


def lead_detail(*, membership: Membership, pk: int) -> Lead:
    return get_scoped_or_404(
        Lead.objects.select_related("found_by", "reviewed_by", "employer", "industry"),
        membership,
        pk=pk,
    )


def lead_finders(*, membership: Membership) -> QuerySet[User]:
    """Everyone who has found a lead in the organisation, to filter the list by."""
    return User.objects.filter(pk__in=scoped(Lead, membership).values("found_by")).order_by(
        "full_name", "pk"
    )


def lead_counts(*, membership: Membership, found_by: User) -> dict[str, int]:
    """How many of ``found_by``'s leads stand at each status, every status present."""
    rows = (
        scoped(Lead, membership)
        .filter(found_by=found_by)
        .values("status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = dict.fromkeys(LeadStatus.values, 0)
    counts.update({row["status"]: row["count"] for row in rows})
    return counts


@dataclass(frozen=True)
class ScoutCredit:
    scout: User
    found: int
    verified: int


def leads_credited_per_scout(queryset: QuerySet[Lead]) -> list[ScoutCredit]:
    """For each person who found leads in ``queryset``: how many they found and how many a coach
    verified, most verified first. Two queries, however many leads; the caller scopes and
    narrows ``queryset`` (to an organisation, a campaign, a period)."""
    counts = queryset.counts_per_finder()
    scouts = User.objects.in_bulk(list(counts))
    credits = [
        ScoutCredit(scout=scouts[pk], found=found, verified=verified)
        for pk, (found, verified) in counts.items()
        if pk in scouts
    ]
    return sorted(
        credits, key=lambda c: (-c.verified, -c.found, c.scout.full_name.casefold(), c.scout.pk)
    )


def verified_leads_of(*, membership: Membership | None, employer: Employer) -> QuerySet[Lead]:
    """The verified leads that brought ``employer`` in, first found first, for its page."""
    return (
        scoped(Lead, membership)
        .filter(employer=employer, status=LeadStatus.VERIFIED)
        .select_related("found_by")
        .order_by("created_at", "pk")
    )


@dataclass
class PossibleDuplicates:
    employers: list[Employer] = field(default_factory=list)
    open_leads: list[Lead] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.employers or self.open_leads)


def possible_duplicates(
    *,
    membership: Membership,
    name: str,
    organisation_number: str = "",
    exclude_lead_pk: int | None = None,
) -> PossibleDuplicates:
    """Employers and open leads that may be the same employer: the same organisation number, or
    a name that matches once case, punctuation and legal-form words are ignored.

    ``organisation_number`` is the normalised form (employers/numbers.py)."""
    employers = employers_with_similar_name(membership=membership, name=name)
    same_number = employer_with_number(
        membership=membership, organisation_number=organisation_number
    )
    if same_number is not None and same_number.pk not in {e.pk for e in employers}:
        employers.insert(0, same_number)
    key = employer_name_key(name)
    # Open leads are few at a time, so names are compared here, as for employers.
    leads = scoped(Lead, membership).filter(status=LeadStatus.NEW).select_related("found_by")
    if exclude_lead_pk is not None:
        leads = leads.exclude(pk=exclude_lead_pk)
    open_leads = [
        lead
        for lead in leads.order_by("created_at", "pk")
        if (organisation_number and lead.organisation_number == organisation_number)
        or (key and employer_name_key(lead.employer_name) == key)
    ]
    return PossibleDuplicates(employers=employers, open_leads=open_leads)
