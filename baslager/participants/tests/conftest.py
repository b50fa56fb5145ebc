import pytest

from baslager.participants.models import ParticipantLanguage, WorkExperience
from baslager.taxonomy.models import EducationLevel, Language, Occupation, Skill


@pytest.fixture
def concepts(db):
    """A few taxonomy concepts, as the JobTech import would leave them."""
    return {
        "arabic": Language.objects.create(concept_id="l-ar", label="Arabiska", iso_code="ar"),
        "swedish": Language.objects.create(concept_id="l-sv", label="Svenska", iso_code="sv"),
        "somali": Language.objects.create(concept_id="l-so", label="Somaliska", iso_code="so"),
        "cook": Occupation.objects.create(concept_id="o-kock", label="Kock"),
        "cleaner": Occupation.objects.create(concept_id="o-stad", label="Lokalvårdare"),
        "forklift": Skill.objects.create(concept_id="s-truck", label="Truckkörning"),
        "baking": Skill.objects.create(concept_id="s-bak", label="Bakning"),
        "upper_secondary": EducationLevel.objects.create(
            concept_id="e-3", label="Gymnasial utbildning", code="3", level=1, isced=3
        ),
    }


@pytest.fixture
def mapped(world, concepts):
    participant = world.participant
    participant.id_kind = "personnummer"
    participant.id_number = "198112189876"
    participant.kommun_code = "0181"
    participant.dreams_and_goals = "Jag vill öppna ett bageri."
    participant.driving_licences = ["B", "truck"]
    participant.available_days = [1, 3]
    participant.education_level = concepts["upper_secondary"]
    participant.labour_market_status = "unemployed"
    participant.unemployed_since = participant.entry_date.replace(
        year=participant.entry_date.year - 2
    )
    participant.save()
    participant.skills.add(concepts["baking"])
    ParticipantLanguage.objects.create(
        organisation=world.home,
        participant=participant,
        language=concepts["arabic"],
        cefr_level="native",
    )
    WorkExperience.objects.create(
        organisation=world.home,
        participant=participant,
        occupation=concepts["cook"],
        title="Bagare",
        years=3,
    )
    return participant
