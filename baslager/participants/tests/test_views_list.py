import pytest
from django.urls import reverse

from baslager.testing.personas import make_participant
from baslager.testing.queries import queries_to_get

LIST = reverse("participants:list")


def test_it_lists_the_caseload_with_masked_numbers_phase_and_coaches(world, signed_in):
    world.participant.id_kind = "personnummer"
    world.participant.id_number = "198112189876"
    world.participant.save()

    page = signed_in(world.coach).get(LIST).content.decode()

    assert "Hassan, Amina" in page
    assert "19811218-****" in page
    assert "9876" not in page
    assert "Kartläggning" in page
    assert "Cecilia Coach" in page
    assert "Berg, Bertil" not in page
    assert "Annan" not in page


def test_it_lists_the_whole_organisation_for_an_administrator(world, signed_in):
    page = signed_in(world.admin).get(LIST).content.decode()

    assert "Hassan, Amina" in page and "Berg, Bertil" in page
    assert "Annan" not in page


def test_it_searches_by_name(world, signed_in):
    page = signed_in(world.admin).get(LIST, {"q": "berg"}).content.decode()

    assert "Berg, Bertil" in page
    assert "Hassan, Amina" not in page


def test_it_finds_by_identity_number_only_through_a_post(world, signed_in):
    world.participant.id_kind = "personnummer"
    world.participant.id_number = "198112189876"
    world.participant.save()

    response = signed_in(world.coach).post(LIST, {"id_number": "811218-9876"})

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participants:detail", kwargs={"participant": world.participant.public_id}
    )
    # The redirect names the participant by UUID only: no part of the number (a UUID's hex
    # digits may happen to contain its last four, so look for the number's other parts).
    assert "811218" not in response["Location"] and "id_number" not in response["Location"]


def test_it_says_so_when_no_visible_participant_has_the_number(world, signed_in):
    world.colleagues_participant.id_kind = "personnummer"
    world.colleagues_participant.id_number = "198112189876"
    world.colleagues_participant.save()

    response = signed_in(world.coach).post(LIST, {"id_number": "811218-9876"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "None of the participants you can see has this number." in page
    assert "Bertil" not in page


def test_it_explains_a_mistyped_number_in_the_search(world, signed_in):
    page = signed_in(world.coach).post(LIST, {"id_number": "811218-9877"}).content.decode()

    assert "check digit" in page
    assert 'aria-invalid="true"' in page


def test_it_never_puts_the_number_search_in_the_address(world, signed_in):
    page = signed_in(world.coach).get(LIST).content.decode()

    assert 'method="post" class="filters"' in page
    assert 'name="id_number"' in page


def test_it_answers_another_organisations_number_search_with_nothing(world, signed_in):
    world.participant.id_kind = "personnummer"
    world.participant.id_number = "198112189876"
    world.participant.save()

    response = signed_in(world.outsider).post(LIST, {"id_number": "811218-9876"})

    assert response.status_code == 200
    assert "Hassan" not in response.content.decode()


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_list_to_scouts_and_viewers(world, signed_in, role):
    client = signed_in(getattr(world, role))

    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"id_number": "811218-9876"}).status_code == 403


def test_it_lists_in_the_same_number_of_queries_for_2_and_10_participants(world, signed_in):
    client = signed_in(world.coach)
    make_participant(world.home, world.coach, world.colleague, first_name="Two")
    two = queries_to_get(client, LIST)
    for number in range(8):
        make_participant(world.home, world.coach, world.admin, first_name=f"Person{number}")

    assert queries_to_get(client, LIST) == two


def test_it_pages_a_long_list(world, signed_in):
    for number in range(30):
        make_participant(world.home, world.coach, first_name=f"P{number:02d}", last_name="Zeta")
    client = signed_in(world.coach)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert "Page 1 of 2" in first
    assert "Zeta, P29" not in first
    assert "Zeta, P29" in second
