import pytest

from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningKind
from baslager.organisations.models import Membership
from baslager.proposals.services import proposal_advance, proposal_create
from baslager.taxonomy.models import Occupation, OccupationGroup


@pytest.fixture
def coach_membership(world):
    return Membership.objects.get(user=world.coach, organisation=world.home)


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


def occupation(code: str, label: str) -> Occupation:
    """An occupation under SSYK unit group ``code``, with its major group above it."""
    major, _ = OccupationGroup.objects.get_or_create(
        code=code[0], level=1, defaults={"concept_id": f"g{code[0]}", "label": f"Fält {code[0]}"}
    )
    group, _ = OccupationGroup.objects.get_or_create(
        code=code, level=4, defaults={"concept_id": f"g{code}", "label": label, "parent": major}
    )
    return Occupation.objects.create(concept_id=f"o{code}-{label[:8]}", label=label, group=group)


@pytest.fixture
def opening(world, employer):
    return Opening.objects.create(
        organisation=world.home,
        employer=employer,
        title="Lagerarbetare",
        kind=OpeningKind.WORK_TRAINING,
        occupation=occupation("4322", "Lagerarbetare"),
    )


@pytest.fixture
def proposal(world, coach_membership, opening):
    return proposal_create(
        membership=coach_membership,
        actor=world.coach,
        participant=world.participant,
        opening=opening,
    )


def advance(proposal, membership, actor, *statuses, **extra):
    for status in statuses:
        proposal_advance(
            proposal=proposal, to_status=status, membership=membership, actor=actor, **extra
        )
        proposal.refresh_from_db()
    return proposal
