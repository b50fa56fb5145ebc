from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningKind
from baslager.placements.services import placement_create
from baslager.plans.models import ActivityKind
from baslager.plans.services import activity_create, enrolment_create, occurrences_schedule
from baslager.projects.services import project_enrolment_enter
from baslager.projects.tests.factories import make_project
from baslager.proposals.models import ProposalStatus
from baslager.proposals.services import proposal_advance, proposal_create
from baslager.testing.personas import membership_of

TODAY = timezone.localdate


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


def _opening(world, employer, title):
    return Opening.objects.create(
        organisation=world.home, employer=employer, title=title, kind=OpeningKind.WORK_TRAINING
    )


@pytest.fixture
def open_case(world, employer):
    """``world.participant`` with one of each thing a closing changes, and things it leaves."""
    participant, coach = world.participant, world.coach
    membership = membership_of(coach)
    own = activity_create(
        organisation=world.home,
        kind=ActivityKind.COACHING,
        title="Samtal med coach",
        participant=participant,
    )
    next_week = timezone.make_aware(datetime.combine(TODAY() + timedelta(days=7), time(10)))
    occurrences_schedule(activity=own, first_starts_at=next_week, duration_minutes=60, weeks=3)
    occurrences_schedule(
        activity=own, first_starts_at=next_week - timedelta(days=30), duration_minutes=60
    )
    group = activity_create(
        organisation=world.home, kind=ActivityKind.GROUP_MEETING, title="Veckomöte", is_group=True
    )
    enrolment_create(activity=group, participant=participant)
    occurrences_schedule(activity=group, first_starts_at=next_week, duration_minutes=60)
    placement = placement_create(
        membership=membership,
        actor=coach,
        data={
            "participant": participant,
            "employer": employer,
            "kind": OpeningKind.INTERNSHIP,
            "starts_on": TODAY() - timedelta(days=20),
        },
    )
    started = proposal_create(
        membership=membership,
        actor=coach,
        participant=participant,
        opening=_opening(world, employer, "Lagerarbetare"),
    )
    for status in ("discussed", "consented", "presented", "interview"):
        proposal_advance(proposal=started, to_status=status, membership=membership, actor=coach)
    proposal_advance(
        proposal=started,
        to_status=ProposalStatus.STARTED,
        membership=membership,
        actor=coach,
        starts_on=TODAY() - timedelta(days=10),
    )
    under_way = proposal_create(
        membership=membership,
        actor=coach,
        participant=participant,
        opening=_opening(world, employer, "Truckförare"),
    )
    project = make_project(world)
    enrolment, _ = project_enrolment_enter(
        participant=participant,
        project=project,
        entry_date=TODAY() - timedelta(days=60),
        actor=coach,
    )
    started.refresh_from_db()
    return {
        "own": own,
        "group": group,
        "placement": placement,
        "started": started,
        "under_way": under_way,
        "enrolment": enrolment,
        "membership": membership,
    }
