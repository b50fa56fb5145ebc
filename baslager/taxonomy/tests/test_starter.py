from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from baslager.taxonomy import starter
from baslager.taxonomy.jobtech import jobtech_read
from baslager.taxonomy.models import (
    EducationLevel,
    Industry,
    Language,
    Occupation,
    OccupationGroup,
    Skill,
    TaxonomyVersion,
)
from baslager.taxonomy.search import search
from baslager.taxonomy.services import JOBTECH_SOURCE, STARTER_SOURCE, taxonomy_starter_load

DATA_DIR = Path(settings.BASLAGER_DATA_DIR) / "jobtech"


@pytest.fixture
def loaded(db):
    return taxonomy_starter_load()


def test_it_loads_common_occupations_under_four_digit_ssyk_groups(loaded):
    occupations = Occupation.objects.select_related("group__parent__parent__parent")

    assert 40 <= occupations.count() <= 60
    for occupation in occupations:
        group = occupation.group
        assert len(group.code) == 4 and group.code.isdigit() and group.level == 4
        assert [group.parent.level, group.parent.parent.level] == [3, 2]
        assert group.parent.parent.parent.code == group.code[0]
        assert 4 <= occupation.skills.count() <= 8
    cleaner = Occupation.objects.get(label="Städare")
    assert cleaner.concept_id == "KF64_AvU_S4N" and cleaner.group.code == "9111"


def test_it_loads_languages_and_education_levels_with_codes(loaded):
    assert Language.objects.count() >= 30
    assert Language.objects.get(label="Somaliska").iso_code == "so"
    assert not Language.objects.filter(iso_code="").exists()
    upper_secondary = EducationLevel.objects.get(code="33")
    assert upper_secondary.isced == 3 and upper_secondary.parent.code == "3"
    assert set(EducationLevel.objects.values_list("level", flat=True)) == {1, 2}


def test_it_loads_the_21_sni_sections_a_to_u(loaded):
    sections = Industry.objects.order_by("code")

    assert [industry.code for industry in sections] == [chr(c) for c in range(ord("A"), ord("V"))]
    assert set(sections.values_list("level", flat=True)) == {1}
    assert not sections.filter(parent__isnull=False).exists()
    assert sections.get(code="I").label == "Hotell- och restaurangverksamhet"
    assert sections.get(code="I").concept_id == "RnMq_HVh_L67"
    assert loaded.counts["industries"] == 21


def test_it_records_the_starter_version(loaded):
    assert loaded.source == STARTER_SOURCE
    assert loaded.counts["occupations"] == Occupation.objects.count()
    assert loaded.counts["skills"] == Skill.objects.count()


def test_it_changes_nothing_when_loaded_again(loaded):
    before = (Occupation.objects.count(), Skill.objects.count(), TaxonomyVersion.objects.count())

    with CaptureQueriesContext(connection) as queries:
        again = taxonomy_starter_load()

    assert again.pk == loaded.pk
    assert [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))] == []
    assert (Occupation.objects.count(), Skill.objects.count(), TaxonomyVersion.objects.count()) == (
        before
    )


def test_it_does_nothing_once_the_real_taxonomy_is_imported(db):
    TaxonomyVersion.objects.create(source=JOBTECH_SOURCE, version="test")

    assert taxonomy_starter_load() is None
    assert not Occupation.objects.exists()


def test_it_loads_through_the_command(db, capsys):
    call_command("load_taxonomy_starter")
    call_command("load_taxonomy_starter")

    assert OccupationGroup.objects.filter(code="8344").count() == 1
    assert TaxonomyVersion.objects.filter(source=STARTER_SOURCE).count() == 1
    assert "Loaded" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("kind", "query", "expected"),
    [
        ("occupation", "städare", "Städare"),
        ("occupation", "stadare", "Städare"),
        ("occupation", "lokalvårdare", "Städare"),
        (
            "occupation",
            "undersköterskor",
            "Undersköterska, hemtjänst, äldreboende och habilitering",
        ),
        ("occupation", "truckförar", "Truckförare"),
        ("occupation", "personlig asistent", "Personlig assistent"),
        ("occupation", "vaktmästare", "Fastighetsskötare"),
        ("occupation", "8344", "Truckförare"),
        ("skill", "truckvna", "Truckvana"),
        ("language", "arabiska", "Arabiska"),
        ("language", "tigrinja", "Tigrinska/Tigrinja"),
        ("education", "gymnasial 3 år", "Gymnasial utbildning, 3 år"),
        ("industry", "restaurang", "Hotell- och restaurangverksamhet"),
        ("industry", "vård och omsorg", "Vård och omsorg; sociala tjänster"),
    ],
)
def test_it_finds_starter_concepts_despite_typos_and_inflection(loaded, kind, query, expected):
    labels = [hit.label for hit in search(kind, query, limit=5)]

    assert expected in labels, labels


def test_it_uses_the_ids_labels_and_codes_of_the_real_export():
    if not (DATA_DIR / "the-ssyk-hierarchy-with-occupations.json").is_file():
        pytest.skip(f"JobTech taxonomy export not found at {DATA_DIR}")
    real = jobtech_read(DATA_DIR)
    ours = starter.starter_data()

    for kind in ("groups", "occupations", "skills", "languages", "education_levels", "industries"):
        theirs = getattr(real, kind)
        for concept_id, row in getattr(ours, kind).items():
            assert concept_id in theirs, (kind, concept_id, row)
            assert row["label"] == theirs[concept_id]["label"], (kind, concept_id)
            if "code" in row:
                assert row["code"] == theirs[concept_id]["code"], (kind, concept_id)
    assert ours.group_skills <= real.group_skills | ours.group_skills
    real_occupation_groups = {cid: row["group"] for cid, row in real.occupations.items()}
    assert all(real_occupation_groups[cid] == row["group"] for cid, row in ours.occupations.items())


def test_it_stops_with_a_clear_error_when_the_export_is_missing(db, tmp_path):
    with pytest.raises(CommandError, match="JobTech export file not found"):
        call_command("import_taxonomy", "--data-dir", str(tmp_path))

    assert not TaxonomyVersion.objects.exists()
