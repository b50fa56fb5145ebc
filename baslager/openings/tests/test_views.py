import pytest
from django.template import Context, Template
from django.urls import reverse

from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningKind, OpeningStatus
from baslager.taxonomy.models import Occupation, Skill
from baslager.testing.queries import queries_to_get


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


@pytest.fixture
def opening(world, employer):
    return Opening.objects.create(
        organisation=world.home, employer=employer, title="Lagerarbetare i Borås"
    )


def _detail(opening) -> str:
    return reverse("openings:detail", kwargs={"opening": opening.public_id})


def _pages(opening) -> list[str]:
    kwargs = {"opening": opening.public_id}
    return [
        reverse("openings:list"),
        reverse("openings:create"),
        _detail(opening),
        reverse("openings:edit", kwargs=kwargs),
    ]


def test_it_refuses_viewers_every_opening_page(world, client_for, opening):
    client = client_for(world.viewer)
    for url in _pages(opening):
        assert client.get(url).status_code == 403, url
    status_url = reverse("openings:status", kwargs={"opening": opening.public_id})
    assert client.post(status_url, {"to_status": "open"}).status_code == 403
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.DRAFT


def test_it_lets_scouts_work_with_openings(world, client_for, opening):
    client = client_for(world.scout)
    for url in _pages(opening):
        assert client.get(url).status_code == 200, url
    status_url = reverse("openings:status", kwargs={"opening": opening.public_id})
    response = client.post(status_url, {"to_status": OpeningStatus.OPEN, "note": "Annonserad"})
    assert response.status_code == 302
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.OPEN
    change = opening.status_changes.get()
    assert (change.changed_by, change.note) == (world.scout, "Annonserad")


def test_it_shows_an_outsider_404_for_another_organisations_opening(world, signed_in, opening):
    client = signed_in(world.outsider)
    kwargs = {"opening": opening.public_id}
    edit_url = reverse("openings:edit", kwargs=kwargs)
    for url in (_detail(opening), edit_url):
        assert client.get(url).status_code == 404, url
    assert client.post(edit_url, {"title": "X"}).status_code == 404
    status_url = reverse("openings:status", kwargs=kwargs)
    assert client.post(status_url, {"to_status": "open"}).status_code == 404
    opening.refresh_from_db()
    assert (opening.status, opening.title) == (OpeningStatus.DRAFT, "Lagerarbetare i Borås")
    assert opening.title not in client.get(reverse("openings:list")).content.decode()


def test_it_refuses_a_preselected_employer_of_another_organisation(world, signed_in, employer):
    url = reverse("openings:create")
    client = signed_in(world.outsider)
    assert client.get(f"{url}?employer={employer.public_id}").status_code == 404
    assert client.get(f"{url}?employer=not-a-uuid").status_code == 404


def test_it_registers_an_opening_for_a_preselected_employer(world, signed_in, employer):
    client = signed_in(world.coach)
    url = reverse("openings:create")
    page = client.get(f"{url}?employer={employer.public_id}").content.decode()
    assert f'<option value="{employer.pk}" selected>' in page
    skill = Skill.objects.create(concept_id="s-truck", label="Truckkörning")
    occupation = Occupation.objects.create(concept_id="o-lager", label="Lagerarbetare")
    response = client.post(
        url,
        {
            "employer": employer.pk,
            "kind": OpeningKind.JOB,
            "employment_form": "nystartsjobb",
            "title": "Truckförare",
            "occupation": occupation.pk,
            "must_have_skills": [skill.pk],
            "places": 2,
            "kommun_code": "1490",
            "starts_on": "2026-01-10",
            "ends_on": "2026-06-30",
        },
    )
    opening = Opening.objects.get(title="Truckförare")
    assert response.status_code == 302
    assert response["Location"] == _detail(opening)
    assert (opening.organisation, opening.employer, opening.occupation) == (
        world.home,
        employer,
        occupation,
    )
    assert list(opening.must_have_skills.all()) == [skill]
    detail = client.get(_detail(opening)).content.decode()
    assert "Truckkörning" in detail and "Borås" in detail and "Nystartsjobb" in detail
    assert "Mark as Open" in detail


def test_it_keeps_what_was_typed_when_the_dates_are_wrong(world, signed_in, employer):
    client = signed_in(world.coach)
    response = client.post(
        reverse("openings:create"),
        {
            "employer": employer.pk,
            "kind": OpeningKind.INTERNSHIP,
            "employment_form": "lonebidrag",
            "title": "Praktik i butik",
            "places": 1,
            "starts_on": "2026-05-01",
            "ends_on": "2026-04-01",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Only a job has an employment form." in page
    assert "The end date cannot be before the start date." in page
    assert 'value="Praktik i butik"' in page
    assert not Opening.objects.exists()


def test_it_edits_an_opening(world, signed_in, opening, employer):
    client = signed_in(world.coach)
    response = client.post(
        reverse("openings:edit", kwargs={"opening": opening.public_id}),
        {"employer": employer.pk, "kind": OpeningKind.WORK_TRAINING, "title": "Ny", "places": 3},
    )
    assert response.status_code == 302
    opening.refresh_from_db()
    assert (opening.title, opening.kind, opening.places) == ("Ny", "work_training", 3)


def test_it_refuses_a_transition_outside_the_lifecycle(world, signed_in, opening):
    client = signed_in(world.coach)
    url = reverse("openings:status", kwargs={"opening": opening.public_id})
    response = client.post(url, {"to_status": OpeningStatus.FILLED}, follow=True)
    assert "cannot become" in response.content.decode()
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.DRAFT
    assert client.get(url).status_code == 405


def test_it_filters_the_list(world, signed_in, opening, employer):
    Opening.objects.create(
        organisation=world.home,
        employer=employer,
        title="Städare",
        kind=OpeningKind.LOW_THRESHOLD,
        status=OpeningStatus.OPEN,
    )
    client = signed_in(world.coach)
    page = client.get(reverse("openings:list"), {"status": "open"}).content.decode()
    assert "Städare" in page and opening.title not in page
    page = client.get(reverse("openings:list"), {"q": "lager borås"}).content.decode()
    assert opening.title in page and "Städare" not in page


def test_it_lists_openings_in_a_constant_number_of_queries(world, signed_in, employer):
    client = signed_in(world.coach)
    skill = Skill.objects.create(concept_id="s-1", label="Städning")
    occupation = Occupation.objects.create(concept_id="o-1", label="Städare")

    def add(count):
        for number in range(count):
            opening = Opening.objects.create(
                organisation=world.home,
                employer=Employer.objects.create(organisation=world.home, name=f"AB {number}"),
                title=f"Plats {number}",
                occupation=occupation,
            )
            opening.must_have_skills.add(skill)

    add(3)
    few = queries_to_get(client, reverse("openings:list"))
    add(17)
    assert Opening.objects.count() == 20
    assert queries_to_get(client, reverse("openings:list")) == few


def test_it_lists_an_employers_openings_for_its_detail_page(world, rf, opening, employer):
    Opening.objects.create(
        organisation=world.other,
        employer=Employer.objects.create(organisation=world.other, name="Deras AB"),
        title="Deras plats",
    )
    request = rf.get("/")
    request.membership = world.scout.memberships.get()
    html = Template("{% load openings_tags %}{% employer_openings employer %}").render(
        Context({"request": request, "employer": employer})
    )
    assert opening.title in html
    assert "Deras plats" not in html
    assert f"?employer={employer.public_id}" in html
