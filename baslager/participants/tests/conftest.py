import pytest

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
