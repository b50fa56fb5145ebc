import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baslager.employers.models import ChainRole, Employer, ValueChainLink
from baslager.employers.selectors import VALUE_CHAIN_DEPTH, value_chain_for
from baslager.employers.services import value_chain_link_create, value_chain_link_delete


def _employer(organisation, name: str) -> Employer:
    return Employer.objects.create(organisation=organisation, name=name)


def _link(supplier, customer, role=ChainRole.PROCESSING, note="") -> ValueChainLink:
    return value_chain_link_create(supplier=supplier, customer=customer, role=role, note=note)


@pytest.fixture
def farm(world):
    """A producer, a processor and a sales channel: gård → mejeri → butik."""
    farm = _employer(world.home, "Gården i Skogen")
    dairy = _employer(world.home, "Mejeriet")
    shop = _employer(world.home, "Bygdebutiken")
    _link(farm, dairy, ChainRole.RAW_MATERIAL, "Mjölk varje morgon")
    _link(dairy, shop, ChainRole.SALES_CHANNEL)
    return farm


def _names(chain) -> list[list[str]]:
    return [[employer.name for employer in column] for column in chain.columns]


def test_it_arranges_the_chain_from_producer_to_sales_channel(world, farm):
    shop = Employer.objects.get(name="Bygdebutiken")
    expected = [["Gården i Skogen"], ["Mejeriet"], ["Bygdebutiken"]]
    assert _names(value_chain_for(employer=farm)) == expected
    assert _names(value_chain_for(employer=shop)) == expected


def test_it_places_each_employer_by_its_longest_path_from_a_producer(world, farm):
    dairy = Employer.objects.get(name="Mejeriet")
    shop = Employer.objects.get(name="Bygdebutiken")
    # The farm also sells straight to the shop; the shop still comes after the dairy.
    _link(farm, shop, ChainRole.SALES_CHANNEL)
    other_farm = _employer(world.home, "Andra gården")
    _link(other_farm, dairy, ChainRole.RAW_MATERIAL)
    chain = value_chain_for(employer=dairy)
    assert _names(chain) == [["Andra gården", "Gården i Skogen"], ["Mejeriet"], ["Bygdebutiken"]]
    assert len(chain.links) == 4


def test_it_refuses_a_link_that_closes_a_loop(world, farm):
    shop = Employer.objects.get(name="Bygdebutiken")
    with pytest.raises(ValidationError) as error:
        _link(shop, farm)
    assert error.value.code == "cycle"
    with pytest.raises(ValidationError) as error:
        _link(farm, farm)
    assert error.value.code == "itself"
    assert ValueChainLink.objects.count() == 2


def test_it_still_lays_out_a_loop_that_got_into_the_database(world, farm):
    shop = Employer.objects.get(name="Bygdebutiken")
    ValueChainLink.objects.create(
        organisation=world.home, supplier=shop, customer=farm, role=ChainRole.SERVICE
    )
    chain = value_chain_for(employer=farm)
    assert sorted(name for column in _names(chain) for name in column) == [
        "Bygdebutiken",
        "Gården i Skogen",
        "Mejeriet",
    ]
    assert len(chain.links) == 3


def test_it_refuses_a_link_across_organisations(world, farm):
    stranger = _employer(world.other, "Främlingen AB")
    with pytest.raises(ValidationError) as error:
        _link(farm, stranger)
    assert error.value.code == "organisation"
    assert not ValueChainLink.objects.filter(customer=stranger).exists()


def test_it_refuses_the_same_link_twice(world, farm):
    with pytest.raises(ValidationError) as error:
        _link(farm, Employer.objects.get(name="Mejeriet"))
    assert error.value.code == "duplicate"


def test_it_logs_links_with_their_organisation(world, farm):
    link = ValueChainLink.objects.get(supplier=farm)
    entry = LogEntry.objects.get_for_object(link).get()
    assert entry.additional_data == {"organisation": world.home.pk}
    value_chain_link_delete(link=link)
    assert not ValueChainLink.objects.filter(pk=link.pk).exists()


def _chain_queries(employer) -> int:
    with CaptureQueriesContext(connection) as queries:
        value_chain_for(employer=employer)
    return len(queries)


def test_it_reads_a_chain_in_queries_per_step_not_per_employer(world):
    """One query per step away from the employer: 3 or 6 producers cost the same, and a long
    chain never costs more than VALUE_CHAIN_DEPTH queries."""
    shop = _employer(world.home, "Butiken")
    for number in range(3):
        _link(_employer(world.home, f"Gård {number}"), shop, ChainRole.RAW_MATERIAL)
    few = _chain_queries(shop)
    for number in range(3, 6):
        _link(_employer(world.home, f"Gård {number}"), shop, ChainRole.RAW_MATERIAL)
    assert _chain_queries(shop) == few

    chain = [_employer(world.home, f"Led {number}") for number in range(VALUE_CHAIN_DEPTH + 3)]
    for supplier, customer in zip(chain, chain[1:], strict=False):
        _link(supplier, customer)
    assert _chain_queries(chain[0]) <= VALUE_CHAIN_DEPTH
    result = value_chain_for(employer=chain[0])
    assert result.truncated
    assert len(result.columns) == VALUE_CHAIN_DEPTH + 1


def _detail(employer) -> str:
    return reverse("employers:detail", kwargs={"employer": employer.public_id})


def _create_url(employer) -> str:
    return reverse("employers:chain_link_create", kwargs={"employer": employer.public_id})


def _delete_url(employer) -> str:
    return reverse("employers:chain_link_delete", kwargs={"employer": employer.public_id})


def test_it_draws_the_chain_with_names_and_links(world, signed_in, farm):
    dairy = Employer.objects.get(name="Mejeriet")
    page = signed_in(world.coach).get(_detail(dairy)).content.decode()
    # The drawing is hidden from screen readers, which read the table; its box scrolls by keyboard.
    assert '<svg aria-hidden="true"' in page
    assert 'class="value-chain" tabindex="0" role="group" aria-labelledby="chain-heading"' in page
    for employer in Employer.objects.filter(organisation=world.home):
        assert f'href="{_detail(employer)}"' in page
        assert f"<title>{employer.name}</title>" in page
    assert page.count('marker-end="url(#chain-arrowhead)"') == 2
    assert "<caption>Links in the value chain</caption>" in page
    assert "Mjölk varje morgon" in page
    assert "Raw material" in page


def test_it_adds_a_link_in_either_direction(world, client_for, farm):
    client = client_for(world.scout)
    dairy = Employer.objects.get(name="Mejeriet")
    packer = _employer(world.home, "Packeriet")
    response = client.post(
        _create_url(dairy),
        {
            "chain-direction": "buys_from",
            "chain-other": packer.pk,
            "chain-role": ChainRole.SERVICE,
            "chain-note": "Förpackningar",
        },
    )
    assert response.status_code == 302
    link = ValueChainLink.objects.get(supplier=packer)
    assert (link.customer, link.role, link.note, link.organisation) == (
        dairy,
        ChainRole.SERVICE,
        "Förpackningar",
        world.home,
    )
    assert "Packeriet" in client.get(_detail(dairy)).content.decode()


def test_it_shows_why_a_link_is_refused_and_keeps_what_was_typed(world, signed_in, farm):
    shop = Employer.objects.get(name="Bygdebutiken")
    response = signed_in(world.coach).post(
        _create_url(shop),
        {
            "chain-direction": "supplies_to",
            "chain-other": farm.pk,
            "chain-role": ChainRole.SERVICE,
            "chain-note": "Returer",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "already supplies" in page
    assert 'value="Returer"' in page
    assert ValueChainLink.objects.count() == 2


def test_it_offers_only_the_organisations_other_employers(world, client_for, farm):
    stranger = _employer(world.other, "Främlingen AB")
    page = client_for(world.coach).get(_detail(farm)).content.decode()
    assert f'<option value="{Employer.objects.get(name="Mejeriet").pk}"' in page
    assert f'<option value="{farm.pk}"' not in page
    assert "Främlingen AB" not in page
    response = client_for(world.coach).post(
        _create_url(farm),
        {"chain-direction": "supplies_to", "chain-other": stranger.pk, "chain-role": "service"},
    )
    assert response.status_code == 200
    assert not ValueChainLink.objects.filter(customer=stranger).exists()


def test_it_removes_a_link(world, client_for, farm):
    link = ValueChainLink.objects.get(supplier=farm)
    response = client_for(world.scout).post(_delete_url(farm), {"link": link.pk})
    assert response.status_code == 302
    assert not ValueChainLink.objects.filter(pk=link.pk).exists()


def test_it_removes_only_a_link_of_the_employer_in_the_url(world, client_for, farm):
    shop = Employer.objects.get(name="Bygdebutiken")
    link = ValueChainLink.objects.get(supplier=farm)
    client = client_for(world.coach)
    assert client.post(_delete_url(shop), {"link": link.pk}).status_code == 404
    assert client.post(_delete_url(farm), {"link": "x"}).status_code == 404
    assert ValueChainLink.objects.filter(pk=link.pk).exists()


def test_it_shows_an_outsider_404_on_the_chain_urls(world, signed_in, farm):
    link = ValueChainLink.objects.get(supplier=farm)
    client = signed_in(world.outsider)
    data = {"chain-direction": "supplies_to", "chain-other": link.customer_id, "link": link.pk}
    assert client.post(_create_url(farm), data).status_code == 404
    assert client.post(_delete_url(farm), data).status_code == 404
    assert ValueChainLink.objects.count() == 2


def test_it_refuses_viewers_the_chain_urls(world, client_for, farm):
    link = ValueChainLink.objects.get(supplier=farm)
    client = client_for(world.viewer)
    assert client.post(_create_url(farm), {}).status_code == 403
    assert client.post(_delete_url(farm), {"link": link.pk}).status_code == 403
    assert ValueChainLink.objects.count() == 2
