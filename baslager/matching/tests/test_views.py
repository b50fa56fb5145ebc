from auditlog.models import LogEntry
from django.urls import reverse

from baslager.matching.models import MatchOverride, OverrideAction
from baslager.participants.models import ParticipantStatus
from baslager.testing.personas import make_participant
from baslager.testing.queries import queries_to_get

from .conftest import set_up


def _url(participant):
    return reverse("matching:openings", kwargs={"participant": participant.public_id})


def _titles(response) -> list[str]:
    return [m.opening.title for m in response.context["matches"]]


def test_openings_page_shows_score_and_why(world, taxonomy, make_opening, signed_in):
    set_up(world.participant, taxonomy, skills=["städning"], hours_per_week=20)
    make_opening("Städare", must=["städning", "truck"], hours_per_week=24)
    response = signed_in(world.coach).get(_url(world.participant))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Score" in page and "städning" in page
    assert "To learn:" in page and "truck" in page
    assert "24 hours a week, more than the 20 the participant wants" in page
    assert f"{reverse('proposals:create')}?participant={world.participant.public_id}" in page


def _override(client, participant, opening, **data):
    data = {"opening": opening.public_id, "current": 2, **data}
    return client.post(_url(participant), data)


def test_override_needs_a_reason_and_is_recorded_and_audited(
    world, taxonomy, make_opening, signed_in
):
    set_up(world.participant, taxonomy, skills=["städning"])
    make_opening("Bäst", must=["städning"])
    other = make_opening("Sämre", must=["kassa"], nice=["städning"])
    client = signed_in(world.coach)
    assert _titles(client.get(_url(world.participant))) == ["Bäst", "Sämre"]

    response = _override(client, world.participant, other, action="pin", reason="  ")
    assert response.status_code == 200 and not MatchOverride.objects.exists()

    response = _override(client, world.participant, other, action="up", reason="Hon vill dit")
    assert response.status_code == 302
    override = MatchOverride.objects.get()
    assert (override.action, override.position, override.created_by) == (
        OverrideAction.POSITION,
        1,
        world.coach,
    )
    assert LogEntry.objects.get_for_object(override).get().actor == world.coach
    response = client.get(_url(world.participant))
    assert _titles(response) == ["Sämre", "Bäst"]
    assert "Hon vill dit" in response.content.decode()

    _override(client, world.participant, other, action="exclude", reason="Tackade nej")
    assert _titles(client.get(_url(world.participant))) == ["Bäst"]
    _override(client, world.participant, other, action="clear", reason="Ångrade sig")
    assert _titles(client.get(_url(world.participant))) == ["Bäst", "Sämre"]
    assert MatchOverride.objects.count() == 3  # the history is kept


def test_a_pinned_opening_shows_even_when_it_breaks_a_requirement(
    world, taxonomy, make_opening, signed_in
):
    set_up(world.participant, taxonomy, driving_licences=[])
    truck = make_opening("Chaufför", driving_licence="C")
    client = signed_in(world.coach)
    assert _titles(client.get(_url(world.participant))) == []
    _override(client, world.participant, truck, action="pin", reason="Tar körkort i vår")
    response = client.get(_url(world.participant))
    assert _titles(response) == ["Chaufför"]
    assert "Needs a driving licence the participant does not have" in response.content.decode()


def test_overrides_are_scoped(world, taxonomy, make_opening, signed_in):
    opening = make_opening("Städare")
    client = signed_in(world.coach)
    response = _override(client, world.colleagues_participant, opening, action="pin", reason="x")
    assert response.status_code == 404
    theirs = make_opening("Deras", organisation=world.other)
    response = _override(client, world.participant, theirs, action="pin", reason="x")
    assert response.status_code == 404
    assert not MatchOverride.objects.exists()
    assert signed_in(world.scout).get(_url(world.participant)).status_code == 403


def test_participants_page_lists_only_those_the_coach_may_see(
    world, taxonomy, make_opening, signed_in
):
    opening = make_opening("Städare", must=["städning"])
    for person in (world.participant, world.colleagues_participant):
        set_up(person, taxonomy, skills=["städning"])
    url = reverse("matching:participants", kwargs={"opening": opening.public_id})
    names = [m.participant.full_name for m in signed_in(world.coach).get(url).context["matches"]]
    assert names == [world.participant.full_name]
    names = [m.participant.full_name for m in signed_in(world.admin).get(url).context["matches"]]
    assert sorted(names) == sorted(
        [world.participant.full_name, world.colleagues_participant.full_name]
    )


def test_pages_take_a_constant_number_of_queries(world, taxonomy, make_opening, signed_in):
    def grow(count):
        for number in range(count):
            opening = make_opening(f"Städare {number}", must=["städning"], nice=["kassa"])
            person = make_participant(world.home, world.coach, first_name=f"P{number}")
            set_up(person, taxonomy, skills=["städning"], worked_as=[taxonomy.cleaning])
            MatchOverride.objects.create(
                organisation=world.home,
                participant=world.participant,
                opening=opening,
                action=OverrideAction.PIN,
                reason="Viktig",
                created_by=world.coach,
            )
        return opening

    def warm(url):
        # The first request after a change loads the other side again; count a warm one.
        queries_to_get(client, url)
        return queries_to_get(client, url)

    set_up(world.participant, taxonomy, skills=["städning"], worked_as=[taxonomy.cleaning])
    client = signed_in(world.coach)
    opening = grow(2)
    few = warm(_url(world.participant))
    few_people = warm(reverse("matching:participants", kwargs={"opening": opening.public_id}))
    opening = grow(15)
    assert warm(_url(world.participant)) == few
    assert (
        warm(reverse("matching:participants", kwargs={"opening": opening.public_id})) == few_people
    )


def test_pages_link_to_each_other(world, taxonomy, make_opening, signed_in):
    opening = make_opening("Städare")
    client = signed_in(world.coach)
    detail = client.get(
        reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    )
    assert _url(world.participant) in detail.content.decode()
    page = client.get(reverse("openings:detail", kwargs={"opening": opening.public_id}))
    assert (
        reverse("matching:participants", kwargs={"opening": opening.public_id})
        in page.content.decode()
    )


def test_out_of_reach_lists_take_a_constant_number_of_queries(
    world, taxonomy, make_opening, signed_in
):
    def grow(count):
        for number in range(count):
            opening = make_opening(
                f"Städare {number}", occupation=taxonomy.cleaning, hours_per_week=40
            )
            person = make_participant(world.home, world.coach, first_name=f"P{number}")
            set_up(person, taxonomy, worked_as=[taxonomy.hotel_cleaning], hours_per_week=20)
        return opening

    def warm(url):
        queries_to_get(client, url)
        return queries_to_get(client, url)

    set_up(world.participant, taxonomy, worked_as=[taxonomy.cleaning], hours_per_week=20)
    client = signed_in(world.coach)
    opening = grow(2)
    people_url = reverse("matching:participants", kwargs={"opening": opening.public_id})
    few, few_people = warm(_url(world.participant)), warm(people_url)
    assert len(client.get(people_url).context["out_of_reach"].matches) == 3
    opening = grow(12)
    people_url = reverse("matching:participants", kwargs={"opening": opening.public_id})
    assert warm(_url(world.participant)) == few
    assert warm(people_url) == few_people
    response = client.get(_url(world.participant))
    assert response.context["out_of_reach"].count == 14
    assert len(response.context["out_of_reach"].matches) == 10


def test_a_closed_case_is_never_matched(world, taxonomy, make_opening, signed_in):
    opening = make_opening("Städare", must=["städning"])
    for person in (world.participant, world.colleagues_participant):
        set_up(person, taxonomy, skills=["städning"])
    world.colleagues_participant.status = ParticipantStatus.ENDED
    world.colleagues_participant.save()

    url = reverse("matching:participants", kwargs={"opening": opening.public_id})
    names = [m.participant.full_name for m in signed_in(world.admin).get(url).context["matches"]]
    assert names == [world.participant.full_name]
    response = signed_in(world.admin).get(_url(world.colleagues_participant))
    assert response.status_code == 200 and response.context["matches"] == []
