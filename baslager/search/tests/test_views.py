from django.urls import reverse
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.openings.models import Opening
from baslager.projects.models import Project
from baslager.testing.personas import make_participant
from baslager.testing.queries import queries_to_get

SEARCH = reverse("search:results")
IDENTITY_NUMBER = "198705142381"


def test_the_header_holds_a_labelled_search_box_that_posts(world, signed_in):
    page = signed_in(world.coach).get(reverse("core:account")).content.decode()

    assert '<form class="search-box" role="search" method="post"' in page
    assert '<label for="site-search"' in page and 'id="site-search"' in page


def test_a_name_goes_on_to_the_address_and_finds_grouped_results(world, signed_in):
    client = signed_in(world.coach)

    response = client.post(SEARCH, {"q": "Hassan"})
    assert response.status_code == 302 and response["Location"] == f"{SEARCH}?q=Hassan"

    page = client.get(response["Location"]).content.decode()
    assert '<h2 id="search-participants">Participants</h2>' in page
    assert reverse("participants:detail", kwargs={"participant": world.participant.public_id}) in (
        page
    )


def test_a_number_is_searched_from_the_post_body_only(world, signed_in):
    world.participant.id_number = IDENTITY_NUMBER
    world.participant.save()
    client = signed_in(world.coach)

    response = client.post(SEARCH, {"q": "19870514-2381"})

    assert response.status_code == 200
    assert "Amina Hassan" in response.content.decode()
    in_address = client.get(SEARCH, {"q": "19870514-2381"}).content.decode()
    assert "Amina Hassan" not in in_address
    assert "Numbers are not searched from the address" in in_address


def test_nobody_finds_what_they_may_not_open(world, signed_in):
    Employer.objects.create(organisation=world.other, name="Hassans Annat AB")
    for user in (world.scout, world.viewer, world.colleague, world.outsider):
        page = signed_in(user).get(SEARCH, {"q": "Hassan"}).content.decode()

        assert "Amina Hassan" not in page
    assert (
        "Hassans Annat AB"
        not in signed_in(world.coach).get(SEARCH, {"q": "Hassan"}).content.decode()
    )


def test_it_says_when_nothing_is_found_in_swedish_and_english(world, signed_in, client_for):
    english = signed_in(world.coach).get(SEARCH, {"q": "Zzyzx"}).content.decode()
    swedish = client_for(world.viewer).get(
        SEARCH, {"q": "Zzyzx"}, headers={"Accept-Language": "sv"}
    )

    assert "Nothing found that you may open." in english
    assert "Inget hittades som du får öppna." in swedish.content.decode()


def test_the_search_takes_the_same_queries_for_few_or_many_hits(world, signed_in):
    client = signed_in(world.admin)
    url = f"{SEARCH}?q=Berg"

    def add(number):
        employer = Employer.objects.create(organisation=world.home, name=f"Bergs {number} AB")
        Opening.objects.create(organisation=world.home, employer=employer, title=f"Berg {number}")
        Project.objects.create(
            organisation=world.home,
            name=f"Berg {number}",
            funder="esf_plus",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
        )
        make_participant(world.home, world.coach, first_name="Sara", last_name=f"Berg {number}")

    add(0)
    few = queries_to_get(client, url)
    for number in range(1, 9):
        add(number)

    assert queries_to_get(client, url) == few
