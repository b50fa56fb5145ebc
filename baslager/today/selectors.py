"""What a member has to do today and this week, section by section.

Every section is a function of ``(membership, on)`` that returns plain data (dataclasses and
lists, with the path of the page where the work is done), so the start page and a daily e-mail
digest show exactly the same. ``agenda_for`` gathers the sections a member's role needs. Each
section takes a fixed number of queries, whatever the size of the caseload.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Case, Count, Exists, Max, OuterRef, Q, Subquery, When
from django.urls import reverse
from django.utils import timezone

from baslager.handbook.models import ChecklistStage
from baslager.journal.models import CaseNote
from baslager.leads.models import Lead, LeadStatus
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership, Role
from baslager.outreach.models import CampaignStatus, FollowUp, FollowUpKind
from baslager.outreach.selectors import campaign_list, my_follow_ups
from baslager.participants.models import Participant, ParticipantStatus
from baslager.phases.overview import phase_overview
from baslager.placements.models import Placement, PlacementChecklistItem, PlacementStatus
from baslager.plans.models import Activity, Attendance, AttendanceStatus, Enrolment, Occurrence
from baslager.projects.models import (
    SITUATION_WINDOW,
    ExitSituation,
    ProjectEnrolment,
    SixMonthFollowUp,
)
from baslager.projects.selectors import follow_ups_6m_due
from baslager.proposals.models import Proposal, ProposalStatus

# Each list on the page shows at most this many rows; the count says how many there are in all.
SHOWN = 20
# Proposals in these statuses wait for someone's answer: the participant's or the employer's.
WAITING_STATUSES = (ProposalStatus.DISCUSSED, ProposalStatus.PRESENTED, ProposalStatus.INTERVIEW)
# Administrators are warned about a closing situation window this many days ahead.
WINDOW_WARNING_DAYS = 7


def _caseload(membership: Membership):
    """The ids of the member's own participants, as a subquery: the lists start from these few
    rather than from every participant of the organisation."""
    return Participant.coaches.through.objects.filter(user_id=membership.user_id).values(
        "participant_id"
    )


def week_end(on: date) -> date:
    """The Sunday of ``on``'s week: "this week" runs from today to then."""
    return on + timedelta(days=6 - on.weekday())


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Limited:
    """The first rows of a section and how many there are in all."""

    rows: list
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


def _limited(rows: list) -> Limited:
    return Limited(rows=rows[:SHOWN], total=len(rows))


# Sessions.


@dataclass(frozen=True)
class Session:
    starts_at: datetime
    title: str
    location: str
    is_group: bool
    leads_it: bool
    participants: int
    attendance_recorded: int
    url: str


def sessions(*, membership: Membership, on: date) -> list[Session]:
    """Occurrences from ``on`` to the end of the week that the member leads or in which one of
    their participants takes part, with how many of their participants are in it."""
    user = membership.user_id
    mine = scoped(Enrolment, membership).filter(
        participant__in=_caseload(membership), participant__status=ParticipantStatus.ACTIVE
    )
    mine_in_activity = mine.filter(activity=OuterRef("activity")).order_by().values("activity")
    # Through the activities first, so the database reads each one's occurrences of the week
    # from the (activity, starts_at) index instead of every occurrence of the organisation.
    activities = scoped(Activity, membership).filter(
        Q(leader_id=user) | Q(pk__in=mine.values("activity"))
    )
    occurrences = (
        scoped(Occurrence, membership)
        .filter(
            activity__in=activities.values("pk"),
            starts_at__gte=_start_of(on),
            starts_at__lt=_start_of(week_end(on) + timedelta(days=1)),
        )
        .select_related("activity")
        .annotate(
            participants=Subquery(
                mine_in_activity.annotate(n=Count("pk")).values("n")[:1],
            ),
            recorded=Count("attendance", distinct=True),
        )
        .order_by("starts_at", "pk")
    )
    return [
        Session(
            starts_at=occurrence.starts_at,
            title=occurrence.activity.title,
            location=occurrence.activity.location,
            is_group=occurrence.activity.is_group,
            leads_it=occurrence.activity.leader_id == user,
            participants=occurrence.participants or 0,
            attendance_recorded=occurrence.recorded,
            url=reverse("plans:attendance", kwargs={"occurrence": occurrence.pk}),
        )
        for occurrence in occurrences
    ]


# Results after a project.


@dataclass(frozen=True)
class FollowUpDue:
    participant: str
    project: str
    due_on: date
    overdue: bool
    assignee: str
    url: str


def _follow_up_rows(follow_ups, on: date) -> list[FollowUpDue]:
    return [
        FollowUpDue(
            participant=follow_up.enrolment.participant.full_name,
            project=follow_up.enrolment.project.name,
            due_on=follow_up.due_on,
            overdue=follow_up.due_on < on,
            assignee=follow_up.assignee.full_name if follow_up.assignee else "",
            url=reverse("projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk}),
        )
        for follow_up in follow_ups
    ]


def six_month_follow_ups(*, membership: Membership, on: date) -> list[FollowUpDue]:
    """The member's own six-month follow-ups due within two weeks or overdue."""
    return _follow_up_rows(follow_ups_6m_due(membership=membership, today=on), on)


@dataclass(frozen=True)
class OpenExit:
    participant: str
    project: str
    exit_date: date
    window_ends: date
    days_left: int
    url: str


def _open_exits(enrolments, on: date) -> list[OpenExit]:
    return [
        OpenExit(
            participant=enrolment.participant.full_name,
            project=enrolment.project.name,
            exit_date=enrolment.exit_date,
            window_ends=enrolment.situation_window_ends,
            days_left=(enrolment.situation_window_ends - on).days,
            url=reverse("projects:situation_create", kwargs={"project_enrolment": enrolment.pk}),
        )
        for enrolment in enrolments
    ]


def _exits_without_situation(membership: Membership, on: date):
    """Exits whose 28-day window is still open and in which no situation is recorded yet."""
    return (
        scoped(ProjectEnrolment, membership)
        .filter(exit_date__gte=on - SITUATION_WINDOW, exit_date__lte=on)
        .exclude(Exists(ExitSituation.objects.filter(enrolment=OuterRef("pk"))))
        .select_related("participant", "project")
        .order_by("exit_date", "pk")
    )


def exits_without_situation(*, membership: Membership, on: date) -> list[OpenExit]:
    """Exits of the member's participants in the last 28 days with no situation recorded, the
    window closing soonest first."""
    enrolments = _exits_without_situation(membership, on).filter(
        participant__in=_caseload(membership)
    )
    return _open_exits(enrolments, on)


# Outreach.


@dataclass(frozen=True)
class CallBack:
    kind: str
    is_meeting: bool
    employer: str
    campaign: str
    due_at: datetime
    overdue: bool
    note: str
    assignee: str
    url: str
    done_url: str


def _call_back_rows(follow_ups) -> list[CallBack]:
    now = timezone.now()
    return [
        CallBack(
            kind=follow_up.get_kind_display(),
            is_meeting=follow_up.kind == FollowUpKind.MEETING,
            employer=follow_up.employer.name,
            campaign=follow_up.target.campaign.name if follow_up.target else "",
            due_at=follow_up.due_at,
            overdue=follow_up.due_at < now,
            note=follow_up.note,
            assignee=follow_up.assignee.full_name,
            url=(
                reverse("outreach:target", kwargs={"target": follow_up.target_id})
                if follow_up.target_id
                else reverse("employers:detail", kwargs={"employer": follow_up.employer.public_id})
            ),
            done_url=reverse("outreach:follow_up_done", kwargs={"follow_up": follow_up.pk}),
        )
        for follow_up in follow_ups
    ]


def call_backs(*, membership: Membership, on: date) -> list[CallBack]:
    """The member's open call-backs, meetings and promises to employers due this week or
    overdue."""
    follow_ups = (
        my_follow_ups(membership=membership)
        .filter(due_at__lt=_start_of(week_end(on) + timedelta(days=1)))
        .select_related("assignee")
    )
    return _call_back_rows(follow_ups)


# Placements.


@dataclass(frozen=True)
class ChecklistDue:
    participant: str
    employer: str
    stage: str
    open_items: int
    due_on: date
    overdue: bool
    url: str


def _stage_due_on(stage: str, placement: Placement) -> date | None:
    """When a stage's items should be done: before arrival by the day before the start, the
    first day's on it, the first week's within it, the follow-up's by the last day."""
    return {
        ChecklistStage.BEFORE_ARRIVAL: placement.starts_on - timedelta(days=1),
        ChecklistStage.FIRST_DAY: placement.starts_on,
        ChecklistStage.FIRST_WEEK: placement.starts_on + timedelta(days=6),
        ChecklistStage.FOLLOW_UP: placement.last_day,
    }.get(stage)


def checklists_due(*, membership: Membership, on: date) -> list[ChecklistDue]:
    """Stages of the member's participants' planned and ongoing placements with items still open
    and due by the end of the week (or overdue). Two queries."""
    open_items = (
        scoped(PlacementChecklistItem, membership)
        .filter(
            done_at__isnull=True,
            checklist__placement__status__in=(PlacementStatus.PLANNED, PlacementStatus.ONGOING),
            checklist__placement__participant__in=_caseload(membership),
        )
        .values("checklist__placement", "checklist__stage")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {
        (row["checklist__placement"], row["checklist__stage"]): row["n"] for row in open_items
    }
    placements = (
        scoped(Placement, membership)
        .select_related("participant", "employer")
        .in_bulk({placement for placement, _stage in counts})
    )
    last_day = week_end(on)
    rows = []
    for (placement_pk, stage), n in counts.items():
        placement = placements[placement_pk]
        due_on = _stage_due_on(stage, placement)
        if due_on is None or due_on > last_day:
            continue
        rows.append(
            ChecklistDue(
                participant=placement.participant.full_name,
                employer=placement.employer.name,
                stage=ChecklistStage(stage).label,
                open_items=n,
                due_on=due_on,
                overdue=due_on < on,
                url=reverse("placements:detail", kwargs={"placement": placement.public_id}),
            )
        )
    return sorted(rows, key=lambda row: (row.due_on, row.participant))


# Proposals.


@dataclass(frozen=True)
class WaitingProposal:
    participant: str
    opening: str
    employer: str
    status: str
    waiting_for_employer: bool
    since: date
    days_waiting: int
    url: str


def proposals_waiting(*, membership: Membership, on: date) -> list[WaitingProposal]:
    """The member's participants' proposals that wait for the participant's or the employer's
    answer, the longest waiting first."""
    proposals = (
        scoped(Proposal, membership)
        .filter(status__in=WAITING_STATUSES, participant__in=_caseload(membership))
        .select_related("participant", "opening__employer")
        .order_by("updated_at", "pk")
    )
    return [
        WaitingProposal(
            participant=proposal.participant.full_name,
            opening=proposal.opening.title,
            employer=proposal.opening.employer.name,
            status=proposal.get_status_display(),
            waiting_for_employer=proposal.status != ProposalStatus.DISCUSSED,
            since=timezone.localdate(proposal.updated_at),
            days_waiting=(on - timezone.localdate(proposal.updated_at)).days,
            url=reverse("proposals:detail", kwargs={"proposal": proposal.public_id}),
        )
        for proposal in proposals
    ]


# Contact.


@dataclass(frozen=True)
class Silent:
    participant: str
    last_contact: date
    days: int
    url: str


def _without_contact(membership: Membership, on: date):
    """Active participants with no contact since the organisation's limit. Contact is a case
    note dated after it or a session the participant attended; the entry date counts as the
    first contact, so a newcomer is not flagged before the limit has passed since entry."""
    since = on - timedelta(days=membership.organisation.days_without_contact)
    notes = CaseNote.objects.filter(participant=OuterRef("pk")).order_by().values("participant")
    attended = (
        Attendance.objects.filter(participant=OuterRef("pk"), status=AttendanceStatus.PRESENT)
        .order_by()
        .values("participant")
    )
    return (
        scoped(Participant, membership)
        .filter(status=ParticipantStatus.ACTIVE, entry_date__lt=since)
        .exclude(Exists(notes.filter(occurred_on__gte=since)))
        .exclude(Exists(attended.filter(occurrence__starts_at__gte=_start_of(since))))
        .annotate(
            last_note=Subquery(notes.annotate(last=Max("occurred_on")).values("last")[:1]),
            last_attended=Subquery(
                attended.annotate(last=Max("occurrence__starts_at")).values("last")[:1]
            ),
        )
    )


def _silent_rows(participants, on: date) -> list[Silent]:
    rows = []
    for participant in participants:
        contacts = [participant.entry_date, participant.last_note]
        if participant.last_attended:
            contacts.append(timezone.localdate(participant.last_attended))
        last = max(day for day in contacts if day)
        rows.append(
            Silent(
                participant=participant.full_name,
                last_contact=last,
                days=(on - last).days,
                url=reverse("journal:notes", kwargs={"participant": participant.public_id}),
            )
        )
    return sorted(rows, key=lambda row: (row.last_contact, row.participant))


def without_contact(*, membership: Membership, on: date) -> list[Silent]:
    """The member's active participants with no recorded contact for the organisation's number
    of days, the longest silent first."""
    participants = _without_contact(membership, on).filter(pk__in=_caseload(membership))
    return _silent_rows(participants, on)


# The organisation as a whole, for administrators.


@dataclass(frozen=True)
class Overdue:
    follow_ups: Limited
    closing_exits: Limited
    call_backs: Limited

    @property
    def total(self) -> int:
        return self.follow_ups.total + self.closing_exits.total + self.call_backs.total


def _first(queryset, to_rows) -> Limited:
    """The first rows of ``queryset`` and the count of all: two queries, whatever the count."""
    return Limited(rows=to_rows(queryset[:SHOWN]), total=queryset.count())


def organisation_overdue(*, membership: Membership, on: date) -> Overdue:
    """What is late anywhere in the organisation, whoever it belongs to: six-month follow-ups
    past their day, 28-day windows closing within a week with nothing recorded, and call-backs
    past their time."""
    follow_ups = (
        scoped(SixMonthFollowUp, membership)
        .filter(answered_at__isnull=True, cancelled_at__isnull=True, due_on__lt=on)
        .select_related("enrolment__participant", "enrolment__project", "assignee")
        .order_by("due_on", "pk")
    )
    closing = _exits_without_situation(membership, on).filter(
        exit_date__lte=on - SITUATION_WINDOW + timedelta(days=WINDOW_WARNING_DAYS)
    )
    late_calls = (
        scoped(FollowUp, membership)
        .filter(done_at__isnull=True, due_at__lt=timezone.now())
        .select_related("employer", "target__campaign", "assignee")
        .order_by("due_at", "pk")
    )
    return Overdue(
        follow_ups=_first(follow_ups, lambda rows: _follow_up_rows(rows, on)),
        closing_exits=_first(closing, lambda rows: _open_exits(rows, on)),
        call_backs=_first(late_calls, _call_back_rows),
    )


# Scouts.


@dataclass(frozen=True)
class LeadRow:
    employer_name: str
    status: str
    is_new: bool
    found_on: date
    url: str


@dataclass(frozen=True)
class CampaignRow:
    name: str
    targets: int
    done: int
    url: str
    call_url: str


def my_leads(*, membership: Membership, on: date) -> list[LeadRow]:
    """The leads the member found, those still waiting for review first, then the latest."""
    leads = (
        scoped(Lead, membership)
        .filter(found_by_id=membership.user_id)
        .annotate(reviewed=Case(When(status=LeadStatus.NEW, then=0), default=1))
        .order_by("reviewed", "-created_at", "-pk")[:SHOWN]
    )
    return [
        LeadRow(
            employer_name=lead.employer_name,
            status=lead.get_status_display(),
            is_new=lead.status == LeadStatus.NEW,
            found_on=timezone.localdate(lead.created_at),
            url=reverse("leads:detail", kwargs={"lead": lead.pk}),
        )
        for lead in leads
    ]


def my_campaigns(*, membership: Membership, on: date) -> list[CampaignRow]:
    """The active campaigns the member calls in, with their progress."""
    campaigns = campaign_list(membership=membership).filter(
        status=CampaignStatus.ACTIVE, callers=membership.user_id
    )
    return [
        CampaignRow(
            name=campaign.name,
            targets=campaign.target_count,
            done=campaign.done_count,
            url=reverse("outreach:campaign", kwargs={"campaign": campaign.pk}),
            call_url=reverse("outreach:call", kwargs={"campaign": campaign.pk}),
        )
        for campaign in campaigns
    ]


# Everything for one member.


@dataclass
class Agenda:
    """One member's start page, or the body of their daily digest. Sections their role does not
    have stay empty (``None`` for the administrator's and the viewer's)."""

    on: date
    week_ends: date
    role: str
    days_without_contact: int
    sessions: list[Session] = field(default_factory=list)
    six_month_follow_ups: list[FollowUpDue] = field(default_factory=list)
    exits_without_situation: list[OpenExit] = field(default_factory=list)
    call_backs: list[CallBack] = field(default_factory=list)
    checklists_due: list[ChecklistDue] = field(default_factory=list)
    proposals_waiting: list[WaitingProposal] = field(default_factory=list)
    without_contact: Limited = field(default_factory=lambda: Limited(rows=[], total=0))
    overdue: Overdue | None = None
    leads: list[LeadRow] = field(default_factory=list)
    campaigns: list[CampaignRow] = field(default_factory=list)
    overview: dict | None = None

    @property
    def sessions_today(self) -> list[Session]:
        return [s for s in self.sessions if timezone.localdate(s.starts_at) == self.on]

    @property
    def sessions_later(self) -> list[Session]:
        return [s for s in self.sessions if timezone.localdate(s.starts_at) != self.on]

    @property
    def is_empty(self) -> bool:
        """Whether nothing at all waits: the page says so instead of showing empty sections."""
        return not (
            self.sessions
            or self.six_month_follow_ups
            or self.exits_without_situation
            or self.call_backs
            or self.checklists_due
            or self.proposals_waiting
            or self.without_contact.total
            or (self.overdue and self.overdue.total)
            or self.leads
            or self.campaigns
        )


def agenda_for(membership: Membership, *, on: date) -> Agenda:
    """Every section of ``membership``'s start page for the day ``on``."""
    agenda = Agenda(
        on=on,
        week_ends=week_end(on),
        role=membership.role,
        days_without_contact=membership.organisation.days_without_contact,
    )
    if membership.role in (Role.ADMIN, Role.COACH):
        agenda.sessions = sessions(membership=membership, on=on)
        agenda.six_month_follow_ups = six_month_follow_ups(membership=membership, on=on)
        agenda.exits_without_situation = exits_without_situation(membership=membership, on=on)
        agenda.call_backs = call_backs(membership=membership, on=on)
        agenda.checklists_due = checklists_due(membership=membership, on=on)
        agenda.proposals_waiting = proposals_waiting(membership=membership, on=on)
        agenda.without_contact = _limited(without_contact(membership=membership, on=on))
    if membership.role == Role.ADMIN:
        agenda.overdue = organisation_overdue(membership=membership, on=on)
    if membership.role == Role.SCOUT:
        agenda.call_backs = call_backs(membership=membership, on=on)
        agenda.leads = my_leads(membership=membership, on=on)
        agenda.campaigns = my_campaigns(membership=membership, on=on)
    if membership.role == Role.VIEWER:
        agenda.overview = phase_overview(membership=membership)
    return agenda
