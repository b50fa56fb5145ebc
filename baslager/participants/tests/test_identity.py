from datetime import date

import pytest
from django.core.exceptions import ValidationError

from baslager.participants import identity
from baslager.participants.models import IdKind

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "digits", "born"),
    [
        ("811218-9876", "198112189876", date(1981, 12, 18)),
        ("8112189876", "198112189876", date(1981, 12, 18)),
        ("19811218-9876", "198112189876", date(1981, 12, 18)),
        ("198112189876", "198112189876", date(1981, 12, 18)),
        (" 640823-3234 ", "196408233234", date(1964, 8, 23)),
    ],
)
def test_it_accepts_personnummer_in_every_written_form(typed, digits, born):
    number = identity.parse(typed, today=TODAY)

    assert number.digits == digits
    assert number.birth_date == born
    assert not number.is_coordination_number
    assert number.kind == IdKind.PERSONNUMMER


def test_it_recognises_a_samordningsnummer_and_takes_60_from_the_day():
    number = identity.parse("701063-2391", today=TODAY)

    assert number.digits == "197010632391"
    assert number.is_coordination_number
    assert number.birth_date == date(1970, 10, 3)


def test_it_reads_plus_as_a_person_of_a_hundred_or_more():
    assert identity.parse("121212+1212", today=TODAY).digits == "191212121212"
    assert identity.parse("121212-1212", today=TODAY).digits == "201212121212"


def test_it_rejects_a_wrong_check_digit_saying_so():
    with pytest.raises(ValidationError) as error:
        identity.parse("811218-9877", today=TODAY)

    assert error.value.code == "check_digit"


@pytest.mark.parametrize("typed", ["811318-9876", "810230-1234", "19810230-1234"])
def test_it_rejects_a_date_that_does_not_exist(typed):
    with pytest.raises(ValidationError) as error:
        identity.parse(typed, today=TODAY)

    assert error.value.code == "date"


def test_it_rejects_a_date_in_the_future():
    with pytest.raises(ValidationError) as error:
        identity.parse("20301212-1212", today=TODAY)

    assert error.value.code == "date"


@pytest.mark.parametrize("typed", ["", "81121-9876", "811218/9876", "abc", "8112189876123"])
def test_it_rejects_what_is_not_written_like_a_number(typed):
    with pytest.raises(ValidationError) as error:
        identity.parse(typed, today=TODAY)

    assert error.value.code == "format"


def test_it_refuses_a_samordningsnummer_chosen_as_personnummer_and_vice_versa():
    with pytest.raises(ValidationError) as error:
        identity.validate("701063-2391", IdKind.PERSONNUMMER, today=TODAY)
    assert error.value.code == "kind"
    assert "Coordination number" in error.value.messages[0]

    with pytest.raises(ValidationError) as error:
        identity.validate("811218-9876", IdKind.SAMORDNINGSNUMMER, today=TODAY)
    assert error.value.code == "kind"


def test_it_accepts_the_kind_that_matches():
    assert identity.validate("701063-2391", IdKind.SAMORDNINGSNUMMER, today=TODAY).digits == (
        "197010632391"
    )
    assert identity.validate("640823-3234", IdKind.PERSONNUMMER, today=TODAY).digits == (
        "196408233234"
    )


def test_it_masks_all_but_the_date_and_displays_the_whole_number():
    assert identity.mask("198112189876") == "19811218-****"
    assert identity.mask("") == ""
    assert identity.display("198112189876") == "19811218-9876"
