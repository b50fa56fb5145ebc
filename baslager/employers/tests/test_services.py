import pytest
from django.core.exceptions import ValidationError

from baslager.employers.forms import EmployerForm
from baslager.employers.models import Employer, EmployerStageChange, Stage
from baslager.employers.selectors import employer_name_key
from baslager.employers.services import employer_create, employer_move_stage
from baslager.testing.personas import membership_of


def test_it_creates_an_employer_with_its_first_stage_in_the_history(world):
    employer = employer_create(
        membership=membership_of(world.coach),
        actor=world.coach,
        data={"name": "Saab AB", "organisation_number": "556036-0793", "kind": "company"},
    )
    assert employer.organisation == world.home
    assert employer.organisation_number == "5560360793"
    assert employer.get_legal_form_display() == "Limited company (aktiebolag)"
    change = employer.stage_changes.get()
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        "",
        Stage.IDENTIFIED,
        world.coach,
    )


def test_it_refuses_an_invalid_organisation_number(world):
    with pytest.raises(ValidationError):
        employer_create(
            membership=membership_of(world.coach),
            actor=world.coach,
            data={"name": "Fel AB", "organisation_number": "556036-0794"},
        )
    assert not Employer.objects.exists()


def test_it_records_each_stage_move(world):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet")
    employer_move_stage(employer=employer, to_stage=Stage.CONTACTED, actor=world.coach)
    employer_move_stage(
        employer=employer, to_stage=Stage.PARTNER, actor=world.admin, note="Avtal klart"
    )
    employer.refresh_from_db()
    assert employer.stage == Stage.PARTNER
    history = list(
        EmployerStageChange.objects.filter(employer=employer)
        .order_by("pk")
        .values_list("from_stage", "to_stage", "changed_by", "note")
    )
    assert history == [
        (Stage.IDENTIFIED, Stage.CONTACTED, world.coach.pk, ""),
        (Stage.CONTACTED, Stage.PARTNER, world.admin.pk, "Avtal klart"),
    ]


def test_it_refuses_a_move_to_the_current_stage(world):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet")
    with pytest.raises(ValidationError):
        employer_move_stage(employer=employer, to_stage=Stage.IDENTIFIED, actor=world.coach)
    assert not employer.stage_changes.exists()


def test_it_ignores_case_punctuation_and_legal_form_words_in_names():
    assert employer_name_key("Bageriet i Öst AB") == employer_name_key("bageriet i öst, ab.")
    assert employer_name_key("Odla Ekonomisk förening") == employer_name_key("ODLA")
    assert employer_name_key("Abba Bygg") != employer_name_key("Bygg")


def test_it_catches_a_duplicate_organisation_number(world):
    Employer.objects.create(organisation=world.home, name="Saab", organisation_number="5560360793")
    form = EmployerForm(
        {"name": "Helt annat namn", "organisation_number": "5560360793", "kind": "company"},
        membership=membership_of(world.coach),
    )
    assert not form.is_valid()
    assert "Saab already has this organisation number." in form.errors["organisation_number"]


def test_it_allows_the_same_number_in_another_organisation(world):
    Employer.objects.create(organisation=world.other, name="Saab", organisation_number="5560360793")
    form = EmployerForm(
        {"name": "Saab", "organisation_number": "556036-0793", "kind": "company"},
        membership=membership_of(world.coach),
    )
    assert form.is_valid(), form.errors


def test_it_asks_to_confirm_an_employer_with_a_similar_name(world):
    existing = Employer.objects.create(organisation=world.home, name="Bageriet i Öst AB")
    data = {"name": "BAGERIET I ÖST", "kind": "company"}
    form = EmployerForm(data, membership=membership_of(world.coach))
    assert not form.is_valid()
    assert form.possible_duplicates == [existing]
    assert "confirm_duplicates" in form.errors
    confirmed = EmployerForm(
        {**data, "confirm_duplicates": "on"}, membership=membership_of(world.coach)
    )
    assert confirmed.is_valid(), confirmed.errors
