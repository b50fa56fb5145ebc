import pytest
from django.core.exceptions import ValidationError

from baslager.employers.numbers import LegalForm, legal_form_of, normalise_organisation_number


def test_it_normalises_a_limited_company_and_derives_its_legal_form():
    number = normalise_organisation_number("556036-0793")
    assert number == "5560360793"
    assert legal_form_of(number) == LegalForm.LIMITED_COMPANY


def test_it_derives_public_sector_from_group_number_two():
    number = normalise_organisation_number("212000-0142")
    assert number == "2120000142"
    assert legal_form_of(number) == LegalForm.PUBLIC_SECTOR


def test_it_accepts_the_twelve_digit_form_with_prefix_16():
    assert normalise_organisation_number("16556036-0793") == "5560360793"


def test_it_refuses_a_wrong_check_digit():
    with pytest.raises(ValidationError):
        normalise_organisation_number("556036-0794")


def test_it_keeps_a_sole_traders_personnummer_as_twelve_digits():
    number = normalise_organisation_number("811218-9876")
    assert number == "198112189876"
    assert legal_form_of(number) == LegalForm.SOLE_TRADER


def test_it_allows_no_number():
    assert normalise_organisation_number("  ") == ""
    assert legal_form_of("") == ""
