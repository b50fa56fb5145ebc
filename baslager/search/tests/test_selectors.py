import pytest
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.openings.models import Opening
from baslager.projects.models import Project
from baslager.search.selectors import (
    PER_GROUP,
    is_number,
    kinds_for,
    search_by_name,
    search_by_number,
)
from baslager.testing.personas import make_participant, membership_of

IDENTITY_NUMBER = "198705142381"


@pytest.fixture
def register(world):
    """One of each kind in home, and an employer of the other organisation with the same name."""
    employer = Employer.objects.create(
        organisation=world.home, name="Hassans Hotell AB", organisation_number="5566778899"
    )
    Employer.objects.create(organisation=world.other, name="Hassans Hotell AB")
    Opening.objects.create(organisation=world.home, employer=employer, title="Städare hos Hassan")
    Project.objects.create(
        organisation=world.home,
        name="Hassans väg",
        funder="esf_plus",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate(),
    )
    world.participant.id_number = IDENTITY_NUMBER
    world.participant.save()
    return employer


def kinds(groups) -> dict[str, list[str]]:
    return {group.kind: [hit.title for hit in group.hits] for group in groups}


def test_it_finds_every_kind_a_coach_may_open_grouped_by_kind(world, register):
    groups = search_by_name(membership=membership_of(world.coach), query="hassan")

    assert kinds(groups) == {
        "participants": ["Amina Hassan"],
        "employers": ["Hassans Hotell AB"],
        "openings": ["Städare hos Hassan"],
        "projects": ["Hassans väg"],
    }
    assert groups[0].all_url == "/participants/?q=hassan"


def test_it_searches_only_the_kinds_a_role_may_open(world, register):
    scout = search_by_name(membership=membership_of(world.scout), query="hassan")
    viewer = search_by_name(membership=membership_of(world.viewer), query="hassan")

    assert list(kinds(scout)) == ["employers", "openings", "projects"]
    assert list(kinds(viewer)) == ["projects"]
    assert kinds_for(None) == ()


def test_it_finds_participants_only_in_the_coachs_scope(world, register):
    groups = search_by_name(membership=membership_of(world.colleague), query="hassan")

    assert "participants" not in kinds(groups)
    outsider = search_by_name(membership=membership_of(world.outsider), query="hassan")
    assert kinds(outsider) == {"employers": ["Hassans Hotell AB"]}


def test_it_shows_a_few_of_each_kind_and_links_to_all(world):
    for number in range(PER_GROUP + 1):
        make_participant(world.home, world.coach, first_name="Sara", last_name=f"Berg {number}")

    (group,) = search_by_name(membership=membership_of(world.coach), query="sara berg")

    assert len(group.hits) == PER_GROUP and group.has_more
    assert group.label == "Participants"


def test_it_leaves_numbers_to_the_post(world, register):
    assert is_number("19870514-2381") and is_number("556677-8899")
    assert not is_number("Hassan") and not is_number("12")
    assert search_by_name(membership=membership_of(world.coach), query="870514-2381") == []


def test_it_finds_a_participant_by_identity_number_and_an_employer_by_organisation_number(
    world, register
):
    coach = membership_of(world.coach)

    assert kinds(search_by_number(membership=coach, number="870514-2381")) == {
        "participants": ["Amina Hassan"]
    }
    assert kinds(search_by_number(membership=coach, number="556677-8899")) == {
        "employers": ["Hassans Hotell AB"]
    }
    assert search_by_number(membership=membership_of(world.colleague), number="870514-2381") == []
    assert search_by_number(membership=membership_of(world.viewer), number="556677-8899") == []
