import numpy as np
import pytest
from django.urls import reverse
from django.utils import timezone

from baslager.employers.models import Employer
from baslager.matching import widening
from baslager.matching.tests.widening_export import write_export
from baslager.openings.models import Opening, OpeningStatus
from baslager.outreach.models import (
    Call,
    Campaign,
    CampaignTarget,
    Horizon,
    NeedsSurvey,
    Outcome,
    RecruitmentNeed,
)
from baslager.participants.models import WorkExperience
from baslager.taxonomy.models import Industry, Occupation, Skill
from baslager.taxonomy.services import taxonomy_import
from baslager.testing.personas import membership_of


@pytest.fixture
def taxonomy(db, tmp_path):
    widening.index_clear()
    taxonomy_import(data_dir=write_export(tmp_path / "jobtech"))
    yield {o.concept_id: o for o in Occupation.objects.all()}
    widening.index_clear()


def _labels(index, rows):
    pks = [int(index.occupation_pks[row]) for row in rows]
    return [Occupation.objects.get(pk=pk).label for pk in pks]


def _row(index, occupation):
    return index.row_of[occupation.pk]


def test_it_never_suggests_the_own_group_and_ranks_shared_rare_skills_first(taxonomy):
    index = widening.stored_index()
    result = widening.scores(index, [_row(index, taxonomy["o-kock"])], substitution=False)
    ranked = _labels(index, widening.top(result, 10))
    assert ranked[0] == "Servitör"
    assert set(ranked) == {"Servitör", "Diskare", "Advokat"}
    assert np.isneginf(result[_row(index, taxonomy["o-kall"])])


def test_substitutability_lifts_an_occupation_the_source_can_do(taxonomy):
    index = widening.stored_index()
    source = [_row(index, taxonomy["o-kock"])]
    advokat = _row(index, taxonomy["o-adv"])
    with_it = widening.scores(index, source)
    without = widening.scores(index, source, substitution=False)
    # Kock can do Advokat's work at 25 %: full weight, half of 0.25.
    assert with_it[advokat] - without[advokat] == pytest.approx(0.125)
    # Advokat can do Diskare's work, so Diskare can stand in for nothing of Kock's: unchanged.
    diskare = _row(index, taxonomy["o-disk"])
    assert with_it[diskare] == pytest.approx(without[diskare])


def test_the_reverse_direction_weighs_half(taxonomy):
    index = widening.stored_index()
    source = [_row(index, taxonomy["o-adv"])]
    kock = _row(index, taxonomy["o-kock"])
    gained = (
        widening.scores(index, source)[kock]
        - widening.scores(index, source, substitution=False)[kock]
    )
    assert gained == pytest.approx(widening.SUBSTITUTION_WEIGHT * 0.5 * 0.25)


def test_the_jaccard_baseline_is_plain_overlap(taxonomy):
    index = widening.stored_index()
    result = widening.jaccard_scores(index, _row(index, taxonomy["o-kock"]))
    # Kock {matlagning, hygien, kundservice}, Servitör {kundservice, hygien, servering, vin}.
    assert result[_row(index, taxonomy["o-serv"])] == pytest.approx(2 / 5)
    assert np.isneginf(result[_row(index, taxonomy["o-kall"])])


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Hotell Gillet")


@pytest.fixture
def former_cook(world, taxonomy):
    WorkExperience.objects.create(
        organisation=world.home, participant=world.participant, occupation=taxonomy["o-kock"]
    )
    return world.participant


def _opening(organisation, employer, occupation, title, status=OpeningStatus.OPEN, must=()):
    opening = Opening.objects.create(
        organisation=organisation,
        employer=employer,
        occupation=occupation,
        title=title,
        status=status,
    )
    opening.must_have_skills.set(must)
    return opening


def test_a_participant_gets_the_gap_most_asked_for_first_and_the_open_openings(
    world, taxonomy, employer, former_cook
):
    vin = Skill.objects.get(concept_id="s-vin")
    _opening(world.home, employer, taxonomy["o-serv"], "Servitör till matsalen", must=[vin])
    _opening(world.home, employer, taxonomy["o-serv"], "Servitör, utkast", OpeningStatus.DRAFT)
    elsewhere = Employer.objects.create(organisation=world.other, name="Annan krog")
    _opening(world.other, elsewhere, taxonomy["o-serv"], "Servitör hos en annan organisation")
    suggestions = widening.widening_for_participant(
        membership=membership_of(world.coach), participant=former_cook
    )
    by_label = {s.occupation.label: s for s in suggestions}
    assert "Kallskänka" not in by_label and "Kock" not in by_label
    servitor = by_label["Servitör"]
    assert [s.label for s in servitor.gap] == ["Vinkunskap", "Servering"]
    # Nothing is registered on the former cook: what they share comes from experience.
    assert servitor.registered == []
    assert {s.label for s in servitor.from_experience} == {"Hygien", "Kundservice"}
    assert [o.title for o in servitor.openings] == ["Servitör till matsalen"]
    assert servitor.opening_count == 1
    assert by_label["Advokat"].substitutes and not servitor.substitutes


def test_skills_alone_are_a_starting_point(world, taxonomy):
    world.participant.skills.set([Skill.objects.get(concept_id="s-jur")])
    suggestions = widening.widening_for_participant(
        membership=membership_of(world.coach), participant=world.participant
    )
    assert suggestions[0].occupation.label == "Advokat"
    assert suggestions[0].gap[0].label == "Kundservice"


def test_nothing_to_start_from_gives_no_suggestions(world, taxonomy):
    assert (
        widening.widening_for_participant(
            membership=membership_of(world.coach), participant=world.participant
        )
        == []
    )


def test_the_participant_page_links_the_section(world, signed_in, employer, former_cook, taxonomy):
    _opening(world.home, employer, taxonomy["o-serv"], "Servitör till matsalen")
    url = reverse("matching:widening", kwargs={"participant": former_cook.public_id})
    overview = reverse("participants:detail", kwargs={"participant": former_cook.public_id})
    assert url in signed_in(world.coach).get(overview).content.decode()
    page = signed_in(world.coach).get(url).content.decode()
    assert "Widen the choice" in page
    assert "Servitör till matsalen" in page
    assert "Kallskänka" not in page


def test_it_never_claims_a_skill_the_person_has_not_registered(world, taxonomy, former_cook):
    former_cook.skills.set([Skill.objects.get(concept_id="s-hyg")])
    suggestions = widening.widening_for_participant(
        membership=membership_of(world.coach), participant=former_cook
    )
    servitor = {s.occupation.label: s for s in suggestions}["Servitör"]
    assert [s.label for s in servitor.registered] == ["Hygien"]
    assert [s.label for s in servitor.from_experience] == ["Kundservice"]


def _industry(code):
    return Industry.objects.create(
        concept_id=f"sni-{code}", code=code, level=len(code), label=f"Bransch {code}"
    )


def _need(world, employer, occupation):
    campaign = Campaign.objects.create(organisation=world.home, name="Vårens ringrunda")
    target = CampaignTarget.objects.create(
        organisation=world.home, campaign=campaign, employer=employer
    )
    call = Call.objects.create(
        organisation=world.home,
        target=target,
        caller=world.coach,
        called_at=timezone.now(),
        outcome=Outcome.INTERESTED,
    )
    survey = NeedsSurvey.objects.create(organisation=world.home, call=call)
    return RecruitmentNeed.objects.create(
        organisation=world.home, survey=survey, horizon=Horizon.SIX_MONTHS, occupation=occupation
    )


def test_without_open_openings_it_says_which_employers_they_could_come_from(
    world, taxonomy, employer, former_cook, signed_in
):
    restaurants, hotels = _industry("56100"), _industry("55101")
    # A restaurant that once had a waiter (filled), and another restaurant with no openings.
    employer.industry = restaurants
    employer.save()
    _opening(world.home, employer, taxonomy["o-serv"], "Servitör", OpeningStatus.FILLED)
    other = Employer.objects.create(organisation=world.home, name="Krogen", industry=restaurants)
    Employer.objects.create(organisation=world.home, name="Hotellet", industry=hotels)
    theirs = Employer.objects.create(organisation=world.other, name="Deras krog")
    theirs.industry = restaurants
    theirs.save()
    surveyed = Employer.objects.create(organisation=world.home, name="Ångbåtsbolaget")
    _need(world, surveyed, taxonomy["o-serv"])
    suggestions = widening.widening_for_participant(
        membership=membership_of(world.coach), participant=former_cook
    )
    servitor = {s.occupation.label: s for s in suggestions}["Servitör"]
    assert servitor.openings == []
    assert [(h.employer.name, bool(h.need), h.industry) for h in servitor.employers] == [
        ("Ångbåtsbolaget", True, None),
        ("Hotell Gillet", False, restaurants),
        ("Krogen", False, restaurants),
    ]
    page = signed_in(world.coach).get(
        reverse("matching:widening", kwargs={"participant": former_cook.public_id})
    )
    text = page.content.decode()
    assert "Employers an opening could come from" in text
    assert reverse("employers:detail", kwargs={"employer": other.public_id}) in text
    assert "named the occupation as a need in a needs survey (within 6 months)" in text
    assert "Deras krog" not in text and "Hotellet" not in text


def test_an_occupation_never_advertised_borrows_the_industries_of_its_group(
    world, taxonomy, employer, former_cook
):
    # Diskare was never advertised here, but another occupation of its SSYK group was.
    restaurants = _industry("56100")
    employer.industry = restaurants
    employer.save()
    dish = taxonomy["o-disk"]
    sibling = Occupation.objects.create(concept_id="o-disk2", label="Kafébiträde", group=dish.group)
    _opening(world.home, employer, sibling, "Kafébiträde", OpeningStatus.CLOSED)
    hints = widening.employer_hints(membership_of(world.coach), [dish.pk])
    assert [(h.employer, h.industry) for h in hints[dish.pk]] == [(employer, restaurants)]
