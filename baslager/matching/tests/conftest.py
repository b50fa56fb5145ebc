from dataclasses import dataclass
from datetime import date

import pytest

from baslager.employers.models import Employer
from baslager.matching import features, selectors
from baslager.openings.models import Opening, OpeningStatus
from baslager.participants.models import ParticipantLanguage, WorkExperience
from baslager.taxonomy.linker import linker_clear
from baslager.taxonomy.models import (
    Language,
    Occupation,
    OccupationGroup,
    Skill,
    Substitutability,
)


@pytest.fixture(autouse=True)
def _fresh_sides():
    """Primary keys come back after a rolled-back test; never reuse another test's sides, nor
    its linker of interests and dreams."""
    selectors._cache.clear()
    features.wishes_clear()
    linker_clear()
    yield
    selectors._cache.clear()
    features.wishes_clear()
    linker_clear()


@dataclass
class Taxonomy:
    skills: dict[str, Skill]
    cleaning: Occupation
    hotel_cleaning: Occupation
    cook: Occupation
    warehouse: Occupation
    swedish: Language


@pytest.fixture
def taxonomy(db) -> Taxonomy:
    skills = {
        name: Skill.objects.create(concept_id=f"s-{name}", label=name)
        for name in ("städning", "hygien", "matlagning", "truck", "kassa", "bakning")
    }
    cleaning_group = OccupationGroup.objects.create(
        concept_id="g-9111", code="9111", level=4, label="Städare"
    )
    cleaning_group.skills.set([skills["städning"], skills["hygien"]])
    kitchen = OccupationGroup.objects.create(
        concept_id="g-5120", code="5120", level=4, label="Kockar"
    )
    kitchen.skills.set([skills["matlagning"], skills["hygien"]])
    stores = OccupationGroup.objects.create(
        concept_id="g-4321", code="4321", level=4, label="Lagerpersonal"
    )
    cleaning = Occupation.objects.create(
        concept_id="o-1", label="Lokalvårdare", group=cleaning_group
    )
    hotel = Occupation.objects.create(concept_id="o-2", label="Hotellstädare", group=cleaning_group)
    cook = Occupation.objects.create(concept_id="o-3", label="Kock", group=kitchen)
    warehouse = Occupation.objects.create(concept_id="o-4", label="Lagerarbetare", group=stores)
    # A cleaner can do much of a warehouse worker's work.
    Substitutability.objects.create(occupation=warehouse, substitute=cleaning, percentage=75)
    swedish = Language.objects.create(concept_id="l-sv", label="Svenska", iso_code="sv")
    return Taxonomy(skills, cleaning, hotel, cook, warehouse, swedish)


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Hotell Ankaret AB")


@pytest.fixture
def make_opening(world, employer, taxonomy):
    def make(title="Städare", must=(), nice=(), organisation=None, **fields):
        fields.setdefault("status", OpeningStatus.OPEN)
        fields.setdefault("kommun_code", "0181")
        opening = Opening.objects.create(
            organisation=organisation or world.home,
            employer=employer
            if organisation is None
            else Employer.objects.create(organisation=organisation, name="Annat AB"),
            title=title,
            **fields,
        )
        opening.must_have_skills.set([taxonomy.skills[name] for name in must])
        opening.nice_to_have_skills.set([taxonomy.skills[name] for name in nice])
        return opening

    return make


def set_up(participant, taxonomy, *, skills=(), swedish="", worked_as=(), **fields):
    for name, value in fields.items():
        setattr(participant, name, value)
    participant.save()
    participant.skills.set([taxonomy.skills[name] for name in skills])
    if swedish:
        ParticipantLanguage.objects.create(
            organisation=participant.organisation,
            participant=participant,
            language=taxonomy.swedish,
            cefr_level=swedish,
        )
    for occupation in worked_as:
        WorkExperience.objects.create(
            organisation=participant.organisation, participant=participant, occupation=occupation
        )
    return participant


TODAY = date(2026, 3, 2)
