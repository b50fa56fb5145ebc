from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.journal.models import CaseNote
from baslager.leads.models import Lead, LeadStatus
from baslager.openings.models import Opening, OpeningKind
from baslager.outreach.models import Campaign, CampaignStatus, FollowUp, FollowUpKind
from baslager.placements.services import placement_create
from baslager.plans.models import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceStatus,
    Enrolment,
    Occurrence,
)
from baslager.projects.models import ExitReason, ExitSituation, Project, SituationKind
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.testing.personas import make_participant, membership_of
from baslager.today import selectors
from baslager.today.selectors import agenda_for, week_end


@pytest.fixture
def today():
    return timezone.localdate()


def at(day, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _activity(world, title, leader=None):
    return Activity.objects.create(
        organisation=world.home, kind=ActivityKind.TRAINING, title=title, leader=leader
    )


def _session(world, activity, day):
    return Occurrence.objects.create(organisation=world.home, activity=activity, starts_at=at(day))


def test_week_end_is_the_sunday_of_the_week(today):
    monday = today - timedelta(days=today.weekday())

    assert week_end(monday) == monday + timedelta(days=6)
    assert week_end(monday + timedelta(days=6)) == monday + timedelta(days=6)


def test_sessions_are_those_the_coach_leads_or_her_participants_attend_this_week(world, today):
    monday = today - timedelta(days=today.weekday() + 7)
    led = _activity(world, "Jobbsökarverkstad", leader=world.coach)
    hers = _activity(world, "Truckkort", leader=world.colleague)
    Enrolment.objects.create(organisation=world.home, activity=hers, participant=world.participant)
    others = _activity(world, "Svenska på jobbet", leader=world.colleague)
    Enrolment.objects.create(
        organisation=world.home, activity=others, participant=world.colleagues_participant
    )
    _session(world, led, monday)
    _session(world, hers, monday + timedelta(days=2))
    _session(world, others, monday + timedelta(days=1))
    _session(world, led, monday + timedelta(days=7))
    _session(world, led, monday - timedelta(days=1))

    sessions = selectors.sessions(membership=membership_of(world.coach), on=monday)

    assert [(s.title, s.leads_it, s.participants) for s in sessions] == [
        ("Jobbsökarverkstad", True, 0),
        ("Truckkort", False, 1),
    ]
    agenda = agenda_for(membership_of(world.coach), on=monday)
    assert [s.title for s in agenda.sessions_today] == ["Jobbsökarverkstad"]
    assert [s.title for s in agenda.sessions_later] == ["Truckkort"]


def _project(world, today):
    return Project.objects.create(
        organisation=world.home,
        name="Alla kan arbeta",
        funder="esf_plus",
        starts_on=today - timedelta(days=400),
        ends_on=today + timedelta(days=400),
    )


def _exit(world, project, participant, days_ago, today):
    enrolment, _ = project_enrolment_enter(
        participant=participant,
        project=project,
        entry_date=today - timedelta(days=300),
        actor=world.coach,
    )
    return project_enrolment_exit(
        enrolment=enrolment,
        exit_date=today - timedelta(days=days_ago),
        exit_reason=ExitReason.FOUND_WORK,
        actor=world.coach,
    )


def test_exits_without_situation_say_how_many_days_are_left(world, today):
    project = _project(world, today)
    open_exit = _exit(world, project, world.participant, 26, today)
    recorded = _exit(world, project, make_participant(world.home, world.coach), 3, today)
    ExitSituation.objects.create(
        organisation=world.home,
        enrolment=recorded,
        kind=SituationKind.JOB_SEEKING,
        occurred_on=today,
        evidence_kind="participant_statement",
    )
    _exit(world, project, make_participant(world.home, world.coach), 29, today)
    _exit(world, project, world.colleagues_participant, 1, today)

    rows = selectors.exits_without_situation(membership=membership_of(world.coach), on=today)

    assert [(row.participant, row.days_left) for row in rows] == [("Amina Hassan", 2)]
    assert rows[0].window_ends == open_exit.exit_date + timedelta(days=28)
    assert rows[0].url == f"/projects/enrolments/{open_exit.pk}/situations/new/"


def test_the_window_closes_on_day_28(world, today):
    _exit(world, _project(world, today), world.participant, 28, today)

    rows = selectors.exits_without_situation(membership=membership_of(world.coach), on=today)

    assert [row.days_left for row in rows] == [0]


def test_six_month_follow_ups_due_are_the_coachs_own(world, today):
    project = _project(world, today)
    _exit(world, project, world.participant, 180, today)
    _exit(world, project, world.colleagues_participant, 180, today)

    rows = selectors.six_month_follow_ups(membership=membership_of(world.coach), on=today)

    assert [row.participant for row in rows] == ["Amina Hassan"]


def test_call_backs_are_the_members_open_ones_due_this_week(world, today):
    employer = Employer.objects.create(organisation=world.home, name="Hotellet AB")

    def follow_up(assignee, due_at, **fields):
        return FollowUp.objects.create(
            organisation=world.home,
            employer=employer,
            assignee=assignee,
            kind=FollowUpKind.MEETING,
            due_at=due_at,
            **fields,
        )

    follow_up(world.coach, at(today - timedelta(days=2)), note="Träffa vd")
    follow_up(world.coach, at(today + timedelta(days=30)))
    follow_up(world.coach, at(today), done_at=timezone.now())
    follow_up(world.colleague, at(today))

    rows = selectors.call_backs(membership=membership_of(world.coach), on=today)

    assert [(row.employer, row.overdue, row.is_meeting, row.note) for row in rows] == [
        ("Hotellet AB", True, True, "Träffa vd")
    ]


def test_checklists_due_are_stages_with_open_items_due_this_week(world, today):
    employer = Employer.objects.create(organisation=world.home, name="Hotellet AB")

    def placement(participant, starts_on):
        return placement_create(
            membership=membership_of(world.coach),
            actor=world.coach,
            data={
                "participant": participant,
                "employer": employer,
                "kind": OpeningKind.INTERNSHIP,
                "starts_on": starts_on,
            },
        )

    soon = placement(world.participant, today)
    placement(make_participant(world.home, world.coach), today + timedelta(days=40))
    placement(world.colleagues_participant, today)
    first_day = soon.checklists.get(stage="first_day")
    first_day.items.update(done_at=timezone.now())

    rows = selectors.checklists_due(membership=membership_of(world.coach), on=today)

    # The first week's items fall within this week only when the week started today.
    first_week = {"First week"} if today.weekday() == 0 else set()
    assert {row.stage for row in rows} == {"Before arrival"} | first_week
    before = next(row for row in rows if row.stage == "Before arrival")
    assert before.overdue and before.participant == "Amina Hassan"
    assert before.open_items == soon.checklists.get(stage="before_arrival").items.count()


def test_proposals_waiting_for_an_answer(world, today):
    employer = Employer.objects.create(organisation=world.home, name="Hotellet AB")
    opening = Opening.objects.create(organisation=world.home, employer=employer, title="Städare")
    other = Opening.objects.create(organisation=world.home, employer=employer, title="Kock")
    Proposal.objects.create(
        organisation=world.home,
        participant=world.participant,
        opening=opening,
        status=ProposalStatus.PRESENTED,
    )
    Proposal.objects.create(organisation=world.home, participant=world.participant, opening=other)
    Proposal.objects.create(
        organisation=world.home,
        participant=world.colleagues_participant,
        opening=opening,
        status=ProposalStatus.PRESENTED,
    )

    rows = selectors.proposals_waiting(membership=membership_of(world.coach), on=today)

    assert [(row.opening, row.waiting_for_employer, row.days_waiting) for row in rows] == [
        ("Städare", True, 0)
    ]


def test_participants_without_contact_for_the_organisations_number_of_days(world, today):
    long_ago = today - timedelta(days=60)
    silent = make_participant(world.home, world.coach, first_name="Tyst", entry_date=long_ago)
    noted = make_participant(world.home, world.coach, first_name="Skriven", entry_date=long_ago)
    CaseNote.objects.create(
        organisation=world.home,
        participant=noted,
        author=world.coach,
        occurred_on=today - timedelta(days=5),
    )
    CaseNote.objects.create(
        organisation=world.home,
        participant=silent,
        author=world.coach,
        occurred_on=today - timedelta(days=30),
    )
    came = make_participant(world.home, world.coach, first_name="Närvarande", entry_date=long_ago)
    occurrence = _session(world, _activity(world, "Verkstad"), today - timedelta(days=3))
    Attendance.objects.create(
        organisation=world.home,
        occurrence=occurrence,
        participant=came,
        status=AttendanceStatus.PRESENT,
    )
    away = make_participant(world.home, world.coach, first_name="Borta", entry_date=long_ago)
    Attendance.objects.create(
        organisation=world.home,
        occurrence=occurrence,
        participant=away,
        status=AttendanceStatus.ABSENT,
    )
    make_participant(world.home, world.colleague, first_name="Kollegans", entry_date=long_ago)
    world.participant.entry_date = today - timedelta(days=5)
    world.participant.save()

    rows = selectors.without_contact(membership=membership_of(world.coach), on=today)

    assert [(row.participant.split()[0], row.days) for row in rows] == [("Borta", 60), ("Tyst", 30)]

    world.home.days_without_contact = 45
    world.home.save()
    rows = selectors.without_contact(membership=membership_of(world.coach), on=today)
    assert [row.participant.split()[0] for row in rows] == ["Borta"]


def test_administrators_see_the_organisations_overdue_items(world, today):
    project = _project(world, today)
    _exit(world, project, world.colleagues_participant, 200, today)
    _exit(world, project, make_participant(world.home, world.colleague), 25, today)
    employer = Employer.objects.create(organisation=world.home, name="Hotellet AB")
    FollowUp.objects.create(
        organisation=world.home,
        employer=employer,
        assignee=world.colleague,
        kind=FollowUpKind.CALL_BACK,
        due_at=timezone.now() - timedelta(hours=1),
    )

    agenda = agenda_for(membership_of(world.admin), on=today)

    assert [row.assignee for row in agenda.overdue.follow_ups.rows] == ["Kalle Kollega"]
    assert [row.days_left for row in agenda.overdue.closing_exits.rows] == [3]
    assert [row.assignee for row in agenda.overdue.call_backs.rows] == ["Kalle Kollega"]
    assert agenda.overdue.total == 3
    assert agenda_for(membership_of(world.coach), on=today).overdue is None


def test_scouts_get_their_leads_and_campaigns_and_no_participants(world, today):
    _exit(world, _project(world, today), world.participant, 10, today)
    campaign = Campaign.objects.create(organisation=world.home, name="Vårens ringrunda")
    campaign.callers.set([world.scout])
    Campaign.objects.create(organisation=world.home, name="Någon annans")
    Campaign.objects.create(
        organisation=world.home, name="Avslutad", status=CampaignStatus.CLOSED
    ).callers.set([world.scout])
    Lead.objects.create(
        organisation=world.home,
        found_by=world.scout,
        employer_name="Granskat AB",
        reason="Skylt",
        status=LeadStatus.VERIFIED,
        reviewed_by=world.coach,
        reviewed_at=timezone.now(),
    )
    Lead.objects.create(
        organisation=world.home, found_by=world.scout, employer_name="Nytt AB", reason="Skylt"
    )
    Lead.objects.create(
        organisation=world.home, found_by=world.coach, employer_name="Coachens AB", reason="Ny"
    )

    agenda = agenda_for(membership_of(world.scout), on=today)

    assert [row.name for row in agenda.campaigns] == ["Vårens ringrunda"]
    assert [(row.employer_name, row.is_new) for row in agenda.leads] == [
        ("Nytt AB", True),
        ("Granskat AB", False),
    ]
    assert agenda.exits_without_situation == [] and agenda.without_contact.total == 0


def test_viewers_get_the_overview_figures_only(world, today):
    agenda = agenda_for(membership_of(world.viewer), on=today)

    assert agenda.overview["rows"]
    assert agenda.sessions == [] and agenda.leads == [] and agenda.overdue is None
