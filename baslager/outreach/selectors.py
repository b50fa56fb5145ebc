from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from baslager.accounts.models import User
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.models import Membership, Role

from .models import Call, Campaign, CampaignTarget, FollowUp, Outcome, RecruitmentNeed, TargetState

INTERESTED_OUTCOMES = (Outcome.INTERESTED, Outcome.MEETING_BOOKED)


def _count(queryset: QuerySet) -> Coalesce:
    """A subquery counting ``queryset``'s rows for each campaign of the outer query."""
    counted = (
        queryset.filter(campaign=OuterRef("pk"))
        .order_by()
        .values("campaign")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def campaign_list(*, membership: Membership) -> QuerySet[Campaign]:
    """The campaigns the member may open, with their progress: scouts see only those they call
    in. One query, whatever the number of campaigns and targets."""
    queryset = scoped(Campaign, membership)
    if membership.role == Role.SCOUT:
        queryset = queryset.filter(callers=membership.user_id)
    return queryset.annotate(
        target_count=_count(CampaignTarget.objects.all()),
        done_count=_count(CampaignTarget.objects.filter(state=TargetState.DONE)),
        call_count=Coalesce(
            Subquery(
                Call.objects.filter(target__campaign=OuterRef("pk"))
                .order_by()
                .values("target__campaign")
                .annotate(n=Count("pk"))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        ),
    ).order_by("status", "-created_at", "-pk")


def campaign_detail(*, membership: Membership, pk: int) -> Campaign:
    """A campaign the member may open: scouts only the campaigns they call in (404 otherwise,
    as for anything out of reach)."""
    queryset = Campaign.objects.select_related("created_by")
    if membership.role == Role.SCOUT:
        queryset = queryset.filter(callers=membership.user_id)
    return get_scoped_or_404(queryset, membership, pk=pk)


def target_detail(*, membership: Membership, pk: int) -> CampaignTarget:
    queryset = CampaignTarget.objects.select_related("campaign", "employer", "reserved_by")
    if membership.role == Role.SCOUT:
        queryset = queryset.filter(campaign__callers=membership.user_id)
    return get_scoped_or_404(queryset, membership, pk=pk)


def campaign_targets(*, campaign: Campaign, state: str = "") -> QuerySet[CampaignTarget]:
    queryset = campaign.targets.select_related("employer", "reserved_by")
    if state:
        queryset = queryset.filter(state=state)
    return queryset.order_by("employer__name", "pk")


@dataclass
class Figures:
    calls: int = 0
    reached: int = 0
    interested: int = 0
    meetings: int = 0
    openings: int = 0
    leads_found: int = 0
    leads_verified: int = 0

    @property
    def reached_share(self) -> int | None:
        return round(100 * self.reached / self.calls) if self.calls else None

    @property
    def interested_share(self) -> int | None:
        return round(100 * self.interested / self.reached) if self.reached else None


@dataclass
class CallerFigures(Figures):
    caller: User | None = None


@dataclass
class CampaignStatistics:
    total: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    overall: Figures = field(default_factory=Figures)
    callers: list[CallerFigures] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.by_state.get(TargetState.DONE, 0)

    @property
    def waiting(self) -> int:
        return self.total - self.done

    @property
    def done_share(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def campaign_statistics(*, campaign: Campaign) -> CampaignStatistics:
    """Progress of the target list and the campaign's conversion, per caller and overall, in
    five queries however many calls and callers there are. "Reached" counts every call someone
    answered; "interested" includes booked meetings."""
    by_state = dict(
        campaign.targets.order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    rows = (
        Call.objects.filter(target__campaign=campaign)
        .order_by()
        .values("caller")
        .annotate(
            calls=Count("pk"),
            reached=Count("pk", filter=~Q(outcome=Outcome.NO_ANSWER)),
            interested=Count("pk", filter=Q(outcome__in=INTERESTED_OUTCOMES)),
            meetings=Count("pk", filter=Q(outcome=Outcome.MEETING_BOOKED)),
        )
    )
    per_caller = {row.pop("caller"): CallerFigures(**row) for row in rows}
    openings = (
        RecruitmentNeed.objects.filter(
            survey__call__target__campaign=campaign, opening__isnull=False
        )
        .order_by()
        .values_list("survey__call__caller")
        .annotate(n=Count("pk"))
    )
    for caller_id, count in openings:
        per_caller.setdefault(caller_id, CallerFigures()).openings = count
    # Scouts who found employers while calling get the credit here too.
    leads = campaign.leads.counts_per_finder()
    for finder_id, (found, verified) in leads.items():
        figures = per_caller.setdefault(finder_id, CallerFigures())
        figures.leads_found, figures.leads_verified = found, verified
    # The campaign's callers, and anyone who called before leaving the list.
    people = User.objects.filter(
        Q(outreach_campaigns=campaign) | Q(pk__in=[pk for pk in per_caller if pk])
    ).distinct()
    for person in people.order_by("full_name", "pk"):
        per_caller.setdefault(person.pk, CallerFigures()).caller = person
    overall = Figures()
    for figures in per_caller.values():
        for name in (
            "calls",
            "reached",
            "interested",
            "meetings",
            "openings",
            "leads_found",
            "leads_verified",
        ):
            setattr(overall, name, getattr(overall, name) + getattr(figures, name))
    return CampaignStatistics(
        total=sum(by_state.values()),
        by_state=by_state,
        overall=overall,
        callers=sorted(
            per_caller.values(),
            key=lambda row: (row.caller is None, str(row.caller or "").casefold()),
        ),
    )


def target_calls(*, target: CampaignTarget) -> QuerySet[Call]:
    """Every call to the target's employer, in this campaign and others, newest first."""
    return (
        Call.objects.filter(target__employer_id=target.employer_id)
        .select_related("caller", "target__campaign", "survey")
        .prefetch_related("survey__needs__occupation", "survey__needs__opening")
        .order_by("-called_at", "-pk")
    )


def my_follow_ups(*, membership: Membership) -> QuerySet[FollowUp]:
    """The signed-in person's open follow-ups, the most overdue first."""
    return (
        scoped(FollowUp, membership)
        .filter(assignee_id=membership.user_id, done_at__isnull=True)
        .select_related("employer", "target__campaign")
        .order_by("due_at", "pk")
    )
