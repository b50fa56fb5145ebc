import pytest

from baslager.employers.models import EmployerKind, SizeBand, Stage
from baslager.imports.rows import Lookups, read_row, swedish_phone
from baslager.taxonomy.models import Industry


@pytest.fixture
def lookups(world):
    Industry.objects.create(concept_id="sni-56", label="Restaurangverksamhet", code="56", level=2)
    Industry.objects.create(
        concept_id="sni-5610", label="Restaurangverksamhet", code="5610", level=4
    )
    Industry.objects.create(concept_id="sni-4711", label="Varuhushandel", code="4711", level=4)
    return Lookups.load(world.home.memberships.get(user=world.coach))


def _texts(reading) -> dict[str, str]:
    return {message["field"]: message["text"] for message in reading.messages}


def test_it_reads_a_complete_row_into_what_the_employer_services_take(world, lookups):
    reading = read_row(
        {
            "name": "Bageriet i Kiruna AB",
            "organisation_number": "556036-0793",
            "kind": "Förening",
            "industry": "56.10",
            "size_band": "12",
            "street_address": "Storgatan 1",
            "postal_code": "981 31",
            "city": "Kiruna",
            "kommun": "Kiruna kommun",
            "stage": "Kontaktad",
            "owner": "cecilia coach",
            "notes": "Bakar tidigt",
            "contact_name": "Karin Lind",
            "contact_role": "VD",
            "contact_phone": "0980-123 45",
            "contact_email": "karin@bageriet.se",
        },
        lookups,
    )
    assert reading.messages == []
    employer = reading.employer
    assert employer["organisation_number"] == "5560360793"
    assert employer["kind"] == EmployerKind.ASSOCIATION
    assert employer["industry"].code == "5610"
    assert employer["size_band"] == SizeBand.SMALL
    assert employer["kommun_code"] == "2584"
    assert employer["stage"] == Stage.CONTACTED
    assert employer["owner"] == world.coach
    assert reading.contact == {
        "name": "Karin Lind",
        "role": "VD",
        "phone": "0980-123 45",
        "email": "karin@bageriet.se",
    }
    assert reading.name_key == "bageriet i kiruna"


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("0", SizeBand.NONE),
        ("1–9", SizeBand.MICRO),
        ("10-49 anställda", SizeBand.SMALL),
        ("1 200", SizeBand.LARGE),
        ("250+", SizeBand.LARGE),
        ("Inga anställda", SizeBand.NONE),
        ("50–249 employees", SizeBand.MEDIUM),
    ],
)
def test_it_reads_sizes_as_numbers_or_bands(lookups, text, band):
    assert read_row({"name": "A", "size_band": text}, lookups).employer["size_band"] == band


def test_it_finds_an_industry_by_name_and_a_kommun_by_code_without_its_leading_zero(lookups):
    reading = read_row({"name": "A", "industry": "Varuhushandel", "kommun": "180"}, lookups)
    assert (reading.employer["industry"].code, reading.employer["kommun_code"]) == ("4711", "0180")
    assert (
        read_row({"name": "A", "industry": "restaurangverksamhet"}, lookups)
        .employer["industry"]
        .code
        == "5610"
    )


def test_it_says_per_field_what_is_wrong(lookups):
    reading = read_row(
        {
            "name": "",
            "organisation_number": "556036-0794",
            "kind": "Kooperativ",
            "industry": "99.999",
            "size_band": "många",
            "kommun": "Atlantis",
            "stage": "Gift",
            "owner": "Okänd Person",
            "postal_code": "1234567",
            "contact_email": "inte-en-adress",
        },
        lookups,
    )
    texts = _texts(reading)
    levels = {message["field"]: message["level"] for message in reading.messages}
    assert reading.has_errors
    assert texts["organisation_number"] == (
        "The organisation number 556036-0794 has the wrong check digit."
    )
    assert texts["name"] == "This field is required."
    assert texts["kind"].startswith("“Kooperativ” is not a kind of employer.")
    left_empty = " The field is left empty."
    assert texts["industry"] == "No industry (SNI) has the code or name “99.999”." + left_empty
    assert texts["size_band"] == "“många” is not a number of employees." + left_empty
    assert texts["kommun"] == "“Atlantis” is not a Swedish municipality." + left_empty
    assert texts["stage"] == "“Gift” is not a stage of the pipeline." + left_empty
    assert texts["owner"] == ("No coach in the organisation is called “Okänd Person”." + left_empty)
    assert "at most 6 characters" in texts["postal_code"]
    assert texts["contact_email"] == "Enter a valid email address."
    assert texts["contact_name"] == "This field is required."
    looked_up = ("kind", "industry", "size_band", "kommun", "stage", "owner")
    assert {levels[name] for name in looked_up} == {"warning"}
    assert {levels[name] for name in ("name", "organisation_number", "postal_code")} == {"error"}


def test_an_optional_value_that_cannot_be_looked_up_keeps_the_row_and_leaves_the_field_empty(
    lookups,
):
    reading = read_row({"name": "Hotell Kusten AB", "industry": "Hotell", "city": "Visby"}, lookups)
    assert not reading.has_errors
    assert reading.messages[0]["level"] == "warning"
    assert "industry" not in reading.employer
    assert reading.employer["city"] == "Visby"


def test_an_invalid_number_of_the_wrong_length_is_named_as_such(lookups):
    reading = read_row({"name": "A", "organisation_number": "12345"}, lookups)
    assert _texts(reading)["organisation_number"] == "12345 is not a valid organisation number."


def test_a_hidden_personal_identity_number_is_a_warning_not_an_error(lookups):
    reading = read_row({"name": "Hassans Städ", "organisation_number": "19811218-****"}, lookups)
    assert not reading.has_errors
    assert reading.messages[0]["level"] == "warning"
    assert reading.number == ""
    assert "organisation_number" not in reading.employer


@pytest.mark.parametrize(
    "cell, phone",
    [
        ("701234567", "0701234567"),
        ("0701234567", "0701234567"),
        ("8123456", "8123456"),
        ("070-123 45 67", "070-123 45 67"),
        ("", ""),
    ],
)
def test_it_gives_a_phone_number_from_a_number_cell_its_leading_zero_back(cell, phone):
    assert swedish_phone(cell) == phone
