from django.urls import reverse

from baslager.matching import selectors
from baslager.matching.models import MatchOverride, OverrideAction
from baslager.testing.personas import membership_of

from .conftest import set_up


def _hotel_cleaner(world, taxonomy, make_opening):
    """Issue 9, point 7: an experienced hotel cleaner who wants 30 hours a week, an open cleaner
    opening of 40 hours, and openings she has nothing in common with."""
    set_up(world.participant, taxonomy, worked_as=[taxonomy.hotel_cleaning], hours_per_week=30)
    cleaner = make_opening(
        "Städare – nystartsjobb", occupation=taxonomy.cleaning, hours_per_week=40
    )
    make_opening("Lagerarbetare", hours_per_week=30)
    make_opening("Kassabiträde", must=["kassa"], hours_per_week=20)
    return cleaner


def _openings(world):
    return selectors.openings_for_participant(
        participant=world.participant, membership=membership_of(world.coach)
    )


def test_the_hotel_cleaner_sees_the_cleaner_opening_and_no_empty_matches(
    world, taxonomy, make_opening
):
    cleaner = _hotel_cleaner(world, taxonomy, make_opening)
    # Nothing in common is no match, whatever else there is to show.
    assert _openings(world) == []
    out = selectors.openings_out_of_reach(
        participant=world.participant, membership=membership_of(world.coach)
    )
    assert out.count == 1
    (match,) = out.matches
    assert match.opening == cleaner
    assert match.broken_and_changes == [
        (
            "40 hours a week, more than the 30 the participant wants",
            "Fits if the employer can offer 30 hours a week, or the participant can work 40",
        )
    ]
    # And the other way: she is a candidate just out of reach for the opening.
    people = selectors.participants_out_of_reach(
        opening=cleaner, membership=membership_of(world.coach)
    )
    assert [m.participant for m in people.matches] == [world.participant]


def test_a_bent_requirement_is_a_match_not_out_of_reach(world, taxonomy, make_opening):
    set_up(world.participant, taxonomy, worked_as=[taxonomy.hotel_cleaning], hours_per_week=30)
    make_opening("Städare", occupation=taxonomy.cleaning, hours_per_week=35)
    (match,) = _openings(world)
    assert match.score > 0 and match.bent == [
        "35 hours a week, more than the 30 the participant wants"
    ]
    out = selectors.openings_out_of_reach(
        participant=world.participant, membership=membership_of(world.coach)
    )
    assert out.matches == [] and out.count == 0


def test_out_of_reach_is_the_own_field_only_same_occupation_first(world, taxonomy, make_opening):
    set_up(
        world.participant,
        taxonomy,
        worked_as=[taxonomy.hotel_cleaning],
        driving_licences=[],
        swedish="A2",
    )
    group = make_opening("Lokalvård", occupation=taxonomy.cleaning, driving_licence="B")
    same = make_opening("Hotellstäd", occupation=taxonomy.hotel_cleaning, swedish_level_needed="B2")
    make_opening("Kock", occupation=taxonomy.cook, driving_licence="B")
    out = selectors.openings_out_of_reach(
        participant=world.participant, membership=membership_of(world.coach)
    )
    assert [m.opening for m in out.matches] == [same, group]
    assert out.matches[0].broken_and_changes == [
        (
            "Asks for more Swedish than the participant has, without language support",
            "Fits if the employer offers language support, or once the participant's Swedish "
            "reaches B2 (now A2)",
        )
    ]
    assert out.matches[1].broken_and_changes[0][1] == (
        "Fits once the participant has driving licence B"
    )


def test_an_excluded_opening_stays_hidden(world, taxonomy, make_opening):
    cleaner = _hotel_cleaner(world, taxonomy, make_opening)
    MatchOverride.objects.create(
        organisation=world.home,
        participant=world.participant,
        opening=cleaner,
        action=OverrideAction.EXCLUDE,
        reason="Vill inte till hotell",
        created_by=world.coach,
    )
    out = selectors.openings_out_of_reach(
        participant=world.participant, membership=membership_of(world.coach)
    )
    assert out.matches == []


def test_out_of_reach_people_are_only_those_the_coach_may_see(world, taxonomy, make_opening):
    cleaner = _hotel_cleaner(world, taxonomy, make_opening)
    set_up(
        world.colleagues_participant,
        taxonomy,
        worked_as=[taxonomy.cleaning],
        hours_per_week=20,
    )
    coach = selectors.participants_out_of_reach(
        opening=cleaner, membership=membership_of(world.coach)
    )
    assert [m.participant for m in coach.matches] == [world.participant]
    admin = selectors.participants_out_of_reach(
        opening=cleaner, membership=membership_of(world.admin)
    )
    # Same occupation first.
    assert [m.participant for m in admin.matches] == [
        world.colleagues_participant,
        world.participant,
    ]


def test_both_pages_list_what_is_out_of_reach(world, taxonomy, make_opening, signed_in):
    cleaner = _hotel_cleaner(world, taxonomy, make_opening)
    client = signed_in(world.coach)
    page = client.get(
        reverse("matching:openings", kwargs={"participant": world.participant.public_id})
    ).content.decode()
    assert "Städare – nystartsjobb" in page
    assert "Score 0 of 100" not in page and "Lagerarbetare" not in page
    assert "Fits if the employer can offer 30 hours a week" in page
    page = client.get(
        reverse("matching:participants", kwargs={"opening": cleaner.public_id})
    ).content.decode()
    assert world.participant.full_name in page
    assert "40 hours a week, more than the 30 the participant wants" in page


def test_own_field_bent_down_to_nothing_is_out_of_reach_not_hidden(world, taxonomy, make_opening):
    # Same group: 10 points; two bent requirements: -10. A score of 0 is no match.
    set_up(
        world.participant,
        taxonomy,
        worked_as=[taxonomy.hotel_cleaning],
        hours_per_week=20,
        kommun_code="0181",
        max_travel_km=25,
    )
    opening = make_opening(
        "Lokalvård", occupation=taxonomy.cleaning, hours_per_week=25, kommun_code="0180"
    )
    assert _openings(world) == []
    out = selectors.openings_out_of_reach(
        participant=world.participant, membership=membership_of(world.coach)
    )
    (match,) = out.matches
    assert match.opening == opening and match.evaluation.score == 0
    assert [change for _, change in match.broken_and_changes] == [
        "Fits if the employer can offer 20 hours a week, or the participant can work 25",
        "Fits if the participant can travel 29.6 km",
    ]
