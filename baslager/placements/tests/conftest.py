from datetime import timedelta

import pytest
from django.utils import timezone

from baslager.employers.models import Employer, Supervisor
from baslager.openings.models import Opening, OpeningKind
from baslager.organisations.models import Membership
from baslager.placements.services import placement_create
from baslager.testing.messages import sms_provider, smtp_inbox, worker  # noqa: F401


@pytest.fixture
def coach_membership(world):
    return Membership.objects.get(user=world.coach, organisation=world.home)


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


@pytest.fixture
def supervisor(world, employer):
    return Supervisor.objects.create(
        organisation=world.home, employer=employer, name="Stina Handledare", capacity=1
    )


@pytest.fixture
def opening(world, employer):
    return Opening.objects.create(
        organisation=world.home,
        employer=employer,
        title="Lagerarbetare",
        kind=OpeningKind.WORK_TRAINING,
    )


@pytest.fixture
def placement(world, coach_membership, employer, supervisor):
    return placement_create(
        membership=coach_membership,
        actor=world.coach,
        data={
            "participant": world.participant,
            "employer": employer,
            "supervisor": supervisor,
            "kind": OpeningKind.INTERNSHIP,
            "starts_on": timezone.localdate() - timedelta(days=7),
            "ends_on": timezone.localdate() + timedelta(days=60),
        },
    )
