"""The JobTech import against the real export, imported once for the whole module."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from baslager.taxonomy.models import (
    EducationLevel,
    Industry,
    Language,
    Occupation,
    OccupationGroup,
    Skill,
    Substitutability,
    TaxonomyVersion,
)
from baslager.taxonomy.search import search
from baslager.taxonomy.services import JOBTECH_SOURCE, taxonomy_import, taxonomy_starter_load

DATA_DIR = Path(settings.BASLAGER_DATA_DIR) / "jobtech"
MODELS = (
    Substitutability,
    Occupation,
    OccupationGroup,
    Skill,
    Language,
    EducationLevel,
    Industry,
)


def _empty_taxonomy():
    for model in MODELS:
        model.objects.all().delete()
    TaxonomyVersion.objects.all().delete()


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    if not (DATA_DIR / "the-ssyk-hierarchy-with-occupations.json").is_file():
        pytest.skip(f"JobTech taxonomy export not found at {DATA_DIR}")
    with django_db_blocker.unblock():
        record = taxonomy_import(data_dir=DATA_DIR)
        yield record
        _empty_taxonomy()


def counts():
    return {model.__name__: model.objects.count() for model in MODELS} | {
        "group_skills": OccupationGroup.skills.through.objects.count(),
        "occupation_skills": Occupation.skills.through.objects.count(),
        "occupation_ad_skills": Occupation.skills_in_ads.through.objects.count(),
        "versions": TaxonomyVersion.objects.count(),
    }


def test_it_imports_every_level_of_the_export(imported, db):
    assert Occupation.objects.count() == 2412
    assert OccupationGroup.objects.filter(level=4).count() == 400
    assert OccupationGroup.objects.filter(level=1).count() == 10
    assert Skill.objects.count() == 6657
    assert Language.objects.count() == 470
    assert EducationLevel.objects.filter(level=3).count() > 40
    assert not Occupation.objects.filter(group__isnull=True).exists()
    assert set(OccupationGroup.objects.filter(level=4).values_list("parent__level", flat=True)) == {
        3
    }


def test_it_imports_the_skills_job_ads_ask_of_each_occupation(imported, db):
    developer = Occupation.objects.get(concept_id="rQds_YGd_quU")
    asked = set(developer.skills_in_ads.values_list("label", flat=True))
    assert {"Programmering", "Systemutveckling", "Molnteknik"} <= asked
    # Occupations of one SSYK group share the group's skills but not what their ads ask for.
    assert Occupation.skills_in_ads.through.objects.count() > 30000


def test_it_imports_every_level_of_the_sni_industries(imported, db):
    per_level = dict(
        Industry.objects.values_list("level").annotate(count=Count("pk")).order_by("level")
    )

    assert per_level == {1: 21, 2: 88, 3: 272, 4: 615, 5: 821}
    assert imported.counts["industries"] == 1817
    assert not Industry.objects.filter(level=1, parent__isnull=False).exists()
    assert not Industry.objects.filter(level__gt=1, parent__isnull=True).exists()
    restaurants = Industry.objects.select_related("parent__parent").get(code="56100")
    assert restaurants.label == "Restaurangverksamhet" and restaurants.level == 5
    assert restaurants.parent.code == "5610" and restaurants.parent.parent.code == "561"
    assert Industry.objects.get(code="56").parent.code == "I"


def test_it_places_occupations_under_their_ssyk_groups(imported, db):
    cleaner = Occupation.objects.select_related("group__parent").get(concept_id="8MFH_Ud4_ysM")

    assert cleaner.label == "Byggstädare"
    assert cleaner.group.code == "9111"
    assert cleaner.group.parent.code == "911"
    assert cleaner.group.definition


def test_it_links_groups_and_occupations_to_skills(imported, db):
    assert OccupationGroup.skills.through.objects.count() == 17517
    assert Occupation.skills.through.objects.count() > 40000
    truck = Occupation.objects.get(concept_id="GQSf_fnq_kjF")
    assert truck.skills.exists()
    assert truck.group.skills.exists()


def test_it_records_substitutability_in_the_direction_of_the_work(imported, db):
    school_host = Occupation.objects.get(label="Skolvärd")
    assistant = Occupation.objects.get(label="Elevassistent")

    assert Substitutability.objects.count() == 8324
    relation = Substitutability.objects.get(occupation=school_host, substitute=assistant)
    assert relation.percentage == 75
    assert assistant in school_host.substitutes.all()


def test_it_gives_languages_iso_codes_and_education_levels_isced(imported, db):
    assert Language.objects.get(label="Svenska").iso_code == "sv"
    assert Language.objects.get(label="Dari").iso_code == "prs"
    assert EducationLevel.objects.get(code="337").isced == 3
    assert EducationLevel.objects.get(code="417").isced == 5
    assert EducationLevel.objects.get(code="536").isced == 6
    assert EducationLevel.objects.get(code="556").isced == 7
    assert EducationLevel.objects.get(code="640").isced == 8
    assert EducationLevel.objects.get(code="640").parent.code == "64"


def test_it_records_the_version_with_counts(imported, db):
    version = TaxonomyVersion.objects.get()

    assert version.source == JOBTECH_SOURCE
    assert version.version.startswith("sha256:")
    assert version.counts["occupations"] == 2412
    assert version.counts["skills"] == 6657
    assert version.counts["substitutions"] == 8324


def test_it_changes_nothing_when_the_same_export_is_imported_again(imported, db):
    before = counts()

    with CaptureQueriesContext(connection) as queries:
        again = taxonomy_import(data_dir=DATA_DIR)

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert counts() == before
    assert again.pk == imported.pk


def test_it_imports_through_the_command_with_a_given_version(imported, db):
    before = counts()

    call_command("import_taxonomy", "--data-dir", str(DATA_DIR), "--version", "2026-11")

    assert TaxonomyVersion.objects.filter(version="2026-11", source=JOBTECH_SOURCE).exists()
    assert counts() == before | {"versions": before["versions"] + 1}


def test_it_leaves_a_real_import_alone_when_asked_for_the_starter_set(imported, db):
    before = counts()

    assert taxonomy_starter_load() is None
    assert counts() == before


@pytest.mark.parametrize(
    ("kind", "query", "expected"),
    [
        ("occupation", "städare", "Städare"),
        ("occupation", "städare", "Byggstädare"),
        ("occupation", "lokalvårdare", "Städare"),
        ("occupation", "lokalvardare", "Städare"),
        ("occupation", "stadare", "Städare"),
        (
            "occupation",
            "undersköterskor",
            "Undersköterska, hemtjänst, äldreboende och habilitering",
        ),
        ("occupation", "truckförar", "Truckförare"),
        ("occupation", "sjukskötare", "Sjuksköterska, grundutbildad"),
        ("occupation", "kockar", "Kock à la carte"),
        ("occupation", "pizzabagre", "Pizzabagare"),
        ("skill", "truckvna", "Truckvana"),
        ("skill", "svetsnig", "MAG/MIG-svetsning"),
        ("skill", "kontorsstadning", "Kontorsstädning"),
        ("language", "somaliska", "Somaliska"),
        ("language", "tigrinja", "Tigrinska/Tigrinja"),
        ("education", "gymnasial yrkesinriktad 3 år", "Gymnasial utbildning, yrkesinriktad, 3 år"),
        ("industry", "restaurang", "Restaurangverksamhet"),
        ("industry", "restauranger", "Hotell- och restaurangverksamhet"),
    ],
)
def test_it_finds_real_concepts_despite_typos_and_inflection(imported, db, kind, query, expected):
    labels = [hit.label for hit in search(kind, query, limit=10)]

    assert expected in labels, labels


def test_it_finds_industries_by_sni_code_typed_as_printed(imported, db):
    hits = search("industry", "56.1", limit=10)
    codes = list(
        Industry.objects.filter(pk__in=[hit.id for hit in hits]).values_list("code", flat=True)
    )

    assert hits[0].label == "Restaurangverksamhet"
    assert sorted(codes) == ["561", "5610", "56100"]
    assert {hit.id for hit in search("industry", "56", limit=20)} >= {
        Industry.objects.get(code="56").pk,
        Industry.objects.get(code="56100").pk,
    }
