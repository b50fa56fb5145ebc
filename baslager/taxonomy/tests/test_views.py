import pytest
from django.urls import reverse

from baslager.taxonomy.models import Industry, Occupation, OccupationGroup, Skill
from baslager.testing.queries import queries_to_get


@pytest.fixture
def occupations(db):
    group = OccupationGroup.objects.create(
        concept_id="g9111", label="Städare", code="9111", level=4
    )
    Occupation.objects.create(concept_id="o1", label="Städare", group=group)
    Occupation.objects.create(concept_id="o2", label="Lokalvårdare", group=group)
    Occupation.objects.create(concept_id="o3", label="Kock")
    Skill.objects.create(concept_id="s1", label="Städning")


def search_url(kind="occupation", **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{reverse('taxonomy:search', kwargs={'kind': kind})}?{query}"


def test_it_sends_anonymous_visitors_to_sign_in(client, occupations):
    response = client.get(search_url(q="städ"))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("role", ["admin", "coach", "scout", "viewer", "outsider"])
def test_it_answers_every_member_whatever_the_role(world, signed_in, occupations, role):
    response = signed_in(getattr(world, role)).get(search_url(q="stadare", field="occupation"))

    assert response.status_code == 200
    assert "Lokalvårdare" in response.content.decode()


def test_it_lists_matches_with_ssyk_code_group_and_chip_template(world, client_for, occupations):
    response = client_for(world.coach).get(
        search_url(q="städare", field="form-0-occupation", multiple="0"), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()

    assert response.templates[0].name == "taxonomy/widgets/_results.html"
    assert "9111 Städare" in html
    assert html.index("Choose</span> Städare") < html.index("Choose</span> Lokalvårdare")
    assert 'name="form-0-occupation"' in html
    assert "Kock" not in html
    assert "2 matches" in html


def test_it_lists_industries_found_by_sni_code_with_the_code_as_printed(world, client_for, db):
    Industry.objects.create(concept_id="i561", label="Restaurangverksamhet", code="561", level=3)
    Industry.objects.create(concept_id="i562", label="Catering", code="562", level=3)

    response = client_for(world.coach).get(
        search_url("industry", q="56.1", field="industry"), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert "Choose</span> Restaurangverksamhet" in html and "56.1" in html
    assert "Catering" not in html
    assert "1 match" in html


def test_it_offers_to_add_rather_than_choose_for_several_values(world, client_for, occupations):
    response = client_for(world.coach).get(
        search_url("skill", q="städning", field="skills", multiple="1"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "Add</span> Städning" in response.content.decode()


def test_it_reads_the_text_from_the_box_named_after_the_field(world, client_for, occupations):
    response = client_for(world.coach).get(
        search_url("skill", field="skills", skills_query="stadning")
    )

    assert "Städning" in response.content.decode()


def test_it_says_so_when_nothing_matches(world, client_for, occupations):
    response = client_for(world.coach).get(
        search_url(q="xqzw", field="occupation"), HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()

    assert "0 matches" in html
    assert "Nothing matches" in html


def test_it_answers_404_for_an_unknown_kind(world, client_for, occupations):
    assert client_for(world.coach).get(search_url("planet", q="x")).status_code == 404


def test_it_refuses_a_user_without_membership(client_for, occupations, django_user_model):
    lonely = django_user_model.objects.create_user("lonely@example.org", "pw-long-enough-1")

    assert client_for(lonely).get(search_url(q="städ")).status_code == 403


def test_it_answers_with_the_same_queries_however_many_match(world, client_for, db):
    group = OccupationGroup.objects.create(concept_id="g", label="Städare", code="9111", level=4)
    client = client_for(world.coach)
    Occupation.objects.bulk_create(
        [Occupation(concept_id=f"a{i}", label=f"Städare {i}", group=group) for i in range(2)]
    )
    few = queries_to_get(client, search_url(q="städare", field="occupation"))
    Occupation.objects.bulk_create(
        [Occupation(concept_id=f"b{i}", label=f"Städare x{i}", group=group) for i in range(10)]
    )
    many = queries_to_get(client, search_url(q="städare", field="occupation"))

    assert few == many
