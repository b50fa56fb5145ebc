import pytest

from baslager.taxonomy.models import Occupation, OccupationGroup, Skill, TaxonomyVersion
from baslager.taxonomy.search import fold, search, stem, terms


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


def test_it_refuses_unknown_kinds(db):
    with pytest.raises(ValueError):
        search("planet", "mars")
