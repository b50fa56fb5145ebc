import pytest

from baslager.taxonomy.linker import Linker, link, words
from baslager.taxonomy.models import Occupation, OccupationGroup, Skill, TaxonomyVersion

LABELS = [
    "Städare",
    "Hotellstädare",
    "Hotellreceptionist",
    "Undersköterska, hemtjänst",
    "Truckförare",
    "Barnskötare",
    "Kock",
    "Lagerarbetare",
    "Förskollärare",
]


@pytest.fixture(scope="module")
def linker():
    return Linker([(label, [(label, 1.0)]) for label in LABELS])


def top(linker, text, count=1):
    return [key for key, _ in linker.rank(text, count)]


def test_it_drops_the_words_people_wrap_a_title_in():
    assert words("Jag har jobbat som städare på ett hotell") == ["stadare", "hotell"]
    assert words("som på") == ["som", "pa"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("undersköterskor", "Undersköterska, hemtjänst"),
        ("truckförarna", "Truckförare"),
        ("kockar", "Kock"),
    ],
)
def test_it_sees_through_inflection(linker, text, expected):
    assert top(linker, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("truckförrare", "Truckförare"),
        ("barnskötere", "Barnskötare"),
        ("lagerarbetrae", "Lagerarbetare"),
    ],
)
def test_it_tolerates_typos(linker, text, expected):
    assert top(linker, text) == [expected]


def test_it_matches_without_a_o_and_ae_dots(linker):
    assert top(linker, "stadare") == ["Städare"]
    assert top(linker, "forskollarare") == ["Förskollärare"]


def test_it_reads_a_former_job_in_a_sentence(linker):
    assert top(linker, "jobbade som städare på hotell") == ["Hotellstädare"]
    assert set(top(linker, "jag har städat", 2)) == {"Städare", "Hotellstädare"}


def test_it_reads_a_dream(linker):
    assert top(linker, "jag vill jobba med barn") == ["Barnskötare"]


def test_it_returns_nothing_for_nothing_and_scores_best_first(linker):
    assert linker.rank("  ?! ") == []
    assert linker.rank("qqqxxz") == []
    ranked = linker.rank("städare", 5)
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)
    assert ranked[0] == ("Städare", 1.0)


def test_a_document_scores_its_best_text_at_that_texts_weight():
    linker = Linker(
        [
            ("preschool", [("Förskollärare", 1.0), ("Undervisar barn i förskolan", 0.4)]),
            ("nanny", [("Barnskötare", 1.0)]),
            ("cook", [("Kock", 1.0)]),
        ]
    )

    assert top(linker, "förskolan", 1) == ["preschool"]
    ranked = dict(linker.rank("undervisar barn i förskolan", 3))
    assert ranked["preschool"] == pytest.approx(0.4, abs=0.001)
    assert "cook" not in ranked


@pytest.fixture
def taxonomy(db):
    childcare = OccupationGroup.objects.create(
        concept_id="g5311",
        label="Barnskötare",
        code="5311",
        level=4,
        definition="Tar hand om barn i förskola och fritidshem.",
    )
    cleaning = OccupationGroup.objects.create(
        concept_id="g9111", label="Städare", code="9111", level=4
    )
    Occupation.objects.create(concept_id="o1", label="Barnskötare", group=childcare)
    Occupation.objects.create(concept_id="o2", label="Dagbarnvårdare", group=childcare)
    Occupation.objects.create(concept_id="o3", label="Städare", group=cleaning)
    Occupation.objects.create(concept_id="o4", label="Kock")
    Skill.objects.create(concept_id="s1", label="Truckkort")
    Skill.objects.create(concept_id="s2", label="Städning")


def test_link_gives_occupations_with_their_group(taxonomy):
    linked = link("jag vill jobba med barn")

    assert [concept.label for concept, _ in linked[:2]] == ["Barnskötare", "Dagbarnvårdare"]
    assert linked[0][0].group.code == "5311"
    assert all(isinstance(score, float) for _, score in linked)


def test_link_finds_through_everyday_names_and_groups(taxonomy):
    assert link("lokalvårdare på kontor")[0][0].label == "Städare"


def test_link_finds_skills(taxonomy):
    assert [skill.label for skill, _ in link("har truckkort", kind="skill")] == ["Truckkort"]
    with pytest.raises(ValueError):
        link("kock", kind="language")


def test_link_sees_taxonomy_changes(taxonomy):
    assert link("pizzabagare") == []

    Occupation.objects.bulk_create([Occupation(concept_id="o5", label="Pizzabagare")])
    TaxonomyVersion.objects.create(source="test", version="2")

    assert link("pizzabagare")[0][0].label == "Pizzabagare"
    assert link("s") == []


def test_ranking_many_texts_at_once_gives_the_same_pairs(linker):
    texts = [
        "Jag har jobbat som städare på ett hotell",
        "",
        "kockar",
        "truckförarna",
        "någonting helt annat",
        "barn",
    ]
    assert linker.rank_many(texts, 3, chunk=4) == [linker.rank(text, 3) for text in texts]
    assert linker.rank_many(texts, 3, 0.2) == [linker.rank(text, 3, 0.2) for text in texts]
