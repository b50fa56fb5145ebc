import pytest

from baslager.taxonomy.models import (
    Industry,
    Occupation,
    OccupationGroup,
    Skill,
    TaxonomyVersion,
)
from baslager.taxonomy.search import fold, search, search_described, stem, terms


def test_it_folds_case_diacritics_and_punctuation():
    assert fold("  Städare/Lokalvårdare, ÖVRIGT!  ") == "stadare lokalvardare ovrigt"


def test_it_strips_swedish_inflection_to_shared_stems():
    assert stem("underskoterskor") == stem("underskoterska")
    assert stem("truckforar") == stem("truckforare")
    assert terms("Kockarna") == terms("kock")
    assert stem("8344") == "8344"


@pytest.fixture
def cleaners(db):
    group = OccupationGroup.objects.create(concept_id="g", label="Städare", code="9111", level=4)
    return [
        Occupation.objects.create(concept_id="a", label="Städare", group=group),
        Occupation.objects.create(concept_id="b", label="Fönsterputsare"),
    ]


def test_it_returns_ids_labels_and_scores_best_first(cleaners):
    hits = search("occupation", "stadare", limit=5)

    assert hits[0] == (cleaners[0].pk, "Städare", hits[0].score)
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:], strict=False))


def test_it_ignores_queries_too_short_to_mean_anything(cleaners):
    assert search("occupation", "s") == []
    assert search("occupation", " !? ") == []


def test_it_sees_new_and_renamed_concepts_at_once(cleaners):
    assert search("occupation", "pizzabagare") == []

    Occupation.objects.create(concept_id="c", label="Pizzabagare")
    cleaners[1].label = "Fönstertvättare"
    cleaners[1].save()

    assert search("occupation", "pizzabagare")[0].label == "Pizzabagare"
    assert search("occupation", "fönstertvätt")[0].label == "Fönstertvättare"


def test_it_rebuilds_when_a_taxonomy_version_is_recorded(cleaners):
    Skill.objects.bulk_create([Skill(concept_id="s", label="Lödning")])
    assert [hit.label for hit in search("skill", "lödning")] == ["Lödning"]

    # A bulk update sends no signals and keeps the row count: only the version tells.
    Skill.objects.filter(concept_id="s").update(label="Svetsning")
    TaxonomyVersion.objects.create(source="test", version="1")

    assert [hit.label for hit in search("skill", "svetsning")] == ["Svetsning"]


def test_it_finds_occupations_by_ssyk_code_prefix(cleaners):
    assert [hit.label for hit in search("occupation", "911")] == ["Städare"]


@pytest.fixture
def restaurants(db):
    section = Industry.objects.create(
        concept_id="i", label="Hotell- och restaurangverksamhet", code="I", level=1
    )
    division = Industry.objects.create(
        concept_id="i56",
        label="Restaurang-, catering- och barverksamhet",
        code="56",
        level=2,
        parent=section,
    )
    group = Industry.objects.create(
        concept_id="i561", label="Restaurangverksamhet", code="561", level=3, parent=division
    )
    Industry.objects.create(
        concept_id="i562", label="Catering", code="562", level=3, parent=division
    )
    Industry.objects.create(
        concept_id="i5610", label="Restaurangverksamhet", code="5610", level=4, parent=group
    )
    return {"section": section, "division": division, "group": group}


def test_it_finds_industries_by_label(restaurants):
    labels = [hit.label for hit in search("industry", "restaurang")]

    assert "Restaurangverksamhet" in labels
    assert "Hotell- och restaurangverksamhet" in labels
    assert "Catering" not in labels


def test_it_finds_industries_by_sni_code_prefix_with_or_without_dots(restaurants):
    assert [hit.id for hit in search("industry", "56")][:2] == [
        restaurants["division"].pk,
        restaurants["group"].pk,
    ]
    assert [hit.label for hit in search("industry", "56.1")] == ["Restaurangverksamhet"] * 2
    assert [hit.label for hit in search("industry", "56 2")] == ["Catering"]


def test_it_describes_industries_by_their_printed_sni_code(restaurants):
    described = search_described("industry", "56.10")

    assert [(hit.label, description) for hit, description in described] == [
        ("Restaurangverksamhet", "56.10")
    ]


def test_it_refuses_unknown_kinds(db):
    with pytest.raises(ValueError):
        search("planet", "mars")
