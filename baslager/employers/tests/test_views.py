import pytest
from django.urls import reverse

from baslager.employers.models import ContactPerson, Employer, Stage
from baslager.openings.models import OpeningKind
from baslager.openings.services import opening_create
from baslager.taxonomy.models import Industry
from baslager.testing.queries import queries_to_get


@pytest.fixture
def employer(world):
    return Employer.objects.create(
        organisation=world.home, name="Lagerbolaget AB", organisation_number="5560360793"
    )


def _detail(employer) -> str:
    return reverse("employers:detail", kwargs={"employer": employer.public_id})


def _pages(employer) -> list[str]:
    kwargs = {"employer": employer.public_id}
    return [
        reverse("employers:list"),
        reverse("employers:create"),
        _detail(employer),
        reverse("employers:edit", kwargs=kwargs),
        reverse("employers:contact_create", kwargs=kwargs),
    ]


def test_it_refuses_viewers_every_employer_page(world, client_for, employer):
    client = client_for(world.viewer)
    for url in _pages(employer):
        assert client.get(url).status_code == 403, url


def test_it_lets_scouts_work_with_employers(world, client_for, employer):
    client = client_for(world.scout)
    for url in _pages(employer):
        assert client.get(url).status_code == 200, url
    response = client.post(_detail(employer), {"to_stage": Stage.CONTACTED, "note": "Ringt"})
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.stage == Stage.CONTACTED
    assert employer.stage_changes.get().changed_by == world.scout


def test_it_shows_an_outsider_404_for_another_organisations_employer(world, signed_in, employer):
    client = signed_in(world.outsider)
    for url in _pages(employer)[2:]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "X", "to_stage": Stage.PARTNER}).status_code == 404
    employer.refresh_from_db()
    assert employer.stage == Stage.IDENTIFIED
    assert employer.name not in client.get(reverse("employers:list")).content.decode()


def test_it_registers_an_employer(world, signed_in):
    client = signed_in(world.coach)
    industry = Industry.objects.create(
        concept_id="sni-29102", label="Tillverkning av lastbilar", code="29102", level=5
    )
    response = client.post(
        reverse("employers:create"),
        {
            "name": "Saab AB",
            "organisation_number": "556036-0793",
            "kind": "company",
            "kommun_code": "0180",
            "owner": world.coach.pk,
            "industry": industry.pk,
        },
    )
    employer = Employer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(employer)
    assert (employer.organisation, employer.owner, employer.kommun_code, employer.industry) == (
        world.home,
        world.coach,
        "0180",
        industry,
    )
    page = client.get(_detail(employer)).content.decode()
    assert "556036-0793" in page
    assert "Limited company (aktiebolag)" in page
    assert "Stockholm" in page
    assert "Tillverkning av lastbilar" in page


def test_it_keeps_what_was_typed_when_the_number_is_invalid(world, signed_in):
    response = signed_in(world.coach).post(
        reverse("employers:create"),
        {"name": "Felbolaget", "organisation_number": "556036-0794", "kind": "company"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This is not a valid organisation number." in page
    assert 'value="Felbolaget"' in page
    assert 'aria-invalid="true"' in page
    assert not Employer.objects.exists()


def test_it_warns_of_a_similar_name_until_confirmed(world, signed_in, employer):
    client = signed_in(world.coach)
    data = {"name": "lagerbolaget", "kind": "company"}
    response = client.post(reverse("employers:create"), data)
    assert response.status_code == 200
    assert "Possible duplicates" in response.content.decode()
    assert Employer.objects.count() == 1
    response = client.post(reverse("employers:create"), {**data, "confirm_duplicates": "on"})
    assert response.status_code == 302
    assert Employer.objects.count() == 2


def test_it_edits_an_employer(world, client_for, employer):
    url = reverse("employers:edit", kwargs={"employer": employer.public_id})
    client = client_for(world.coach)
    assert 'value="556036-0793"' in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "name": "Lagerbolaget AB",
            "organisation_number": "556036-0793",
            "kind": "company",
            "city": "Malmö",
        },
    )
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.city == "Malmö"


def test_it_adds_a_contact_person(world, signed_in, employer):
    client = signed_in(world.admin)
    response = client.post(
        reverse("employers:contact_create", kwargs={"employer": employer.public_id}),
        {"name": "Karin Lind", "role": "HR-chef", "email": "karin@example.se"},
    )
    assert response.status_code == 302
    contact = ContactPerson.objects.get()
    assert (contact.employer, contact.organisation) == (employer, world.home)
    assert "HR-chef" in client.get(_detail(employer)).content.decode()


def test_it_filters_the_list(world, client_for, employer):
    Employer.objects.create(organisation=world.home, name="Kommunen", kind="public_sector")
    client = client_for(world.coach)
    page = client.get(reverse("employers:list"), {"kind": "public_sector"}).content.decode()
    assert "Kommunen" in page
    assert "Lagerbolaget" not in page
    page = client.get(reverse("employers:list"), {"q": "lager"}).content.decode()
    assert "Lagerbolaget" in page
    assert "Kommunen" not in page


def test_it_lists_employers_in_a_constant_number_of_queries(world, client_for):
    client = client_for(world.coach)
    for number in range(3):
        Employer.objects.create(organisation=world.home, name=f"Firma {number}", owner=world.coach)
    few = queries_to_get(client, reverse("employers:list"))
    for number in range(3, 20):
        Employer.objects.create(organisation=world.home, name=f"Firma {number}", owner=world.coach)
    assert queries_to_get(client, reverse("employers:list")) == few


def test_it_links_employers_in_the_navigation_for_scouts_but_not_viewers(world, client_for):
    link = f'href="{reverse("employers:list")}"'
    assert link in client_for(world.scout).get(reverse("core:account")).content.decode()
    assert link not in client_for(world.viewer).get(reverse("core:account")).content.decode()


def test_it_lists_the_employers_openings_on_its_page(world, signed_in, employer):
    opening_create(
        membership=world.coach.memberships.get(),
        actor=world.coach,
        data={"employer": employer, "kind": OpeningKind.INTERNSHIP, "title": "Praktik i köket"},
    )
    page = signed_in(world.coach).get(_detail(employer)).content.decode()
    assert "Praktik i köket" in page


def test_it_keeps_a_sole_traders_personnummer_masked_on_the_edit_form(world, signed_in):
    sole_trader = Employer.objects.create(
        organisation=world.home, name="Hassans Städ", organisation_number="198112189876"
    )
    client = signed_in(world.coach)
    url = reverse("employers:edit", kwargs={"employer": sole_trader.public_id})
    page = client.get(url).content.decode()
    assert "19811218-****" in page
    assert "9876" not in page

    data = {"name": "Hassans Städ och Fönster", "organisation_number": "19811218-****"}
    response = client.post(url, {**data, "kind": "company"})
    assert response.status_code == 302
    sole_trader.refresh_from_db()
    assert (sole_trader.name, sole_trader.organisation_number) == (
        "Hassans Städ och Fönster",
        "198112189876",
    )

    client.post(url, {**data, "kind": "company", "organisation_number": "556036-0793"})
    sole_trader.refresh_from_db()
    assert sole_trader.organisation_number == "5560360793"
