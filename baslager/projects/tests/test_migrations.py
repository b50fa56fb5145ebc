"""The data migration that made the participant's special-category record the one source of the
answers entered at project entry."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from baslager.participants.models import SpecialCategoryData
from baslager.projects.models import EnrolmentSensitiveSnapshot, ProjectEnrolment

from .factories import make_project

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "baslager.projects.migrations.0003_special_category_data_from_entry_snapshots"
)


def _snapshot(world, participant, project, entry_date, **answers):
    enrolment = ProjectEnrolment.objects.create(
        organisation=world.home, participant=participant, project=project, entry_date=entry_date
    )
    return EnrolmentSensitiveSnapshot.objects.create(
        organisation=world.home, enrolment=enrolment, **answers
    )


def test_answers_entered_at_entry_reach_the_record_and_nothing_is_overwritten(world):
    first, second = make_project(world), make_project(world, name="Andra projektet")
    # Amina has no record: her answers at her two entries make one, the latest entry first.
    _snapshot(world, world.participant, first, date(2025, 1, 10), minority="no")
    _snapshot(
        world,
        world.participant,
        second,
        date(2025, 5, 2),
        foreign_background="yes",
        citizenship="stateless",
        minority="refused",
        collection_attempted_at=date(2025, 5, 2),
    )
    # Bertil's record already answers disability: it is kept, the rest filled in.
    SpecialCategoryData.objects.create(
        organisation=world.home, participant=world.colleagues_participant, has_disability="no"
    )
    _snapshot(
        world,
        world.colleagues_participant,
        first,
        date(2025, 2, 1),
        disability="yes",
        citizenship="eu",
    )

    migration.copy_snapshots_to_records(apps, None)

    amina = SpecialCategoryData.objects.get(participant=world.participant)
    assert (amina.foreign_background, amina.third_country_national, amina.minority) == (
        "yes",
        "yes",
        "refused",
    )
    assert amina.collection_attempted_at == date(2025, 5, 2)
    bertil = SpecialCategoryData.objects.get(participant=world.colleagues_participant)
    assert (bertil.has_disability, bertil.third_country_national) == ("no", "no")
