import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from baslager.participants.models import ParticipantLanguage, WorkExperience
from baslager.taxonomy.models import Language, Skill
from baslager.testing.queries import queries_to_get


def detail_url(participant):
    return reverse("participants:detail", kwargs={"participant": participant.public_id})


def reveal_url(participant):
    return reverse("participants:reveal_id", kwargs={"participant": participant.public_id})


def accesses(participant, what):
    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        additional_data__participant=str(participant.public_id),
        additional_data__viewed=what,
    )


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


def test_it_shows_the_participant_page_and_logs_the_view(world, signed_in, mapped):
    response = signed_in(world.coach).get(detail_url(mapped))

    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Amina Hassan</h1>" in page
    assert "19811218-****" in page
    assert "9876" not in page
    assert "Södertälje" in page
    assert "Arabiska" in page and "Mother tongue" in page
    assert "Bagare" in page and "Kock" in page
    assert "Bakning" in page
    assert "Gymnasial utbildning" in page
    assert "B, Forklift licence" in page
    assert "Monday, Wednesday" in page
    assert "Jag vill öppna ett bageri." in page
    assert "Kartläggning" in page
    assert "Cecilia Coach" in page
    assert 'id="phase-timeline"' in page
    assert 'id="case-notes-panel"' in page
    entry = accesses(mapped, "participant_page").get()
    assert entry.actor == world.coach
    assert accesses(mapped, "case_notes").get().actor == world.coach


def test_it_keeps_case_notes_off_the_page_for_coaches_of_others(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    page = signed_in(world.colleague).get(detail_url(world.participant)).content.decode()
    assert "Amina Hassan" in page
    assert 'id="case-notes-panel"' not in page
    assert not accesses(world.participant, "case_notes").exists()


def test_it_derives_long_term_unemployment_on_the_page(world, signed_in, mapped):
    page = signed_in(world.coach).get(detail_url(mapped)).content.decode()

    assert 'Long-term unemployed</dt>\n      <dd><span class="badge badge--warn">Yes' in page


def test_it_offers_special_category_data_only_to_own_coaches_and_administrators(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    link = reverse(
        "participants:special_category", kwargs={"participant": world.participant.public_id}
    )

    assert link in signed_in(world.coach).get(detail_url(world.participant)).content.decode()
    assert link in signed_in(world.admin).get(detail_url(world.participant)).content.decode()
    colleague_page = signed_in(world.colleague).get(detail_url(world.participant))
    assert colleague_page.status_code == 200
    assert link not in colleague_page.content.decode()


def test_it_hides_the_page_from_another_organisation(world, signed_in):
    assert signed_in(world.outsider).get(detail_url(world.participant)).status_code == 404
    assert not accesses(world.participant, "participant_page").exists()


def test_it_hides_a_colleagues_participant_from_a_coach(world, signed_in):
    assert signed_in(world.coach).get(detail_url(world.colleagues_participant)).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_page_to_scouts_and_viewers(world, signed_in, role):
    assert signed_in(getattr(world, role)).get(detail_url(world.participant)).status_code == 403


def test_it_builds_the_page_in_the_same_number_of_queries_however_much_is_mapped(
    world, signed_in, mapped
):
    # The taxonomy rows exist first: the page keeps an index of the taxonomy per process, and
    # this test counts what the participant's own data costs, with that index warm.
    languages = [Language.objects.create(concept_id=f"l{n}", label=f"Språk {n}") for n in range(5)]
    skills = [Skill.objects.create(concept_id=f"s{n}", label=f"Skill {n}") for n in range(5)]
    client = signed_in(world.coach)
    queries_to_get(client, detail_url(mapped))
    before = queries_to_get(client, detail_url(mapped))
    for number, (language, skill) in enumerate(zip(languages, skills, strict=True)):
        ParticipantLanguage.objects.create(
            organisation=world.home, participant=mapped, language=language, cefr_level="A1"
        )
        WorkExperience.objects.create(
            organisation=world.home, participant=mapped, title=f"Jobb {number}"
        )
        mapped.skills.add(skill)
    mapped.coaches.add(world.colleague, world.admin)

    assert queries_to_get(client, detail_url(mapped)) == before


def test_it_reveals_the_full_number_on_request_and_logs_it(world, signed_in, mapped):
    response = signed_in(world.coach).post(reveal_url(mapped), HTTP_HX_REQUEST="true")

    page = response.content.decode()
    assert response.status_code == 200
    assert "19811218-9876" in page
    assert "<html" not in page
    assert accesses(mapped, "identity_number").get().actor == world.coach


def test_it_reveals_on_a_page_of_its_own_without_javascript(world, signed_in, mapped):
    response = signed_in(world.admin).post(reveal_url(mapped))

    assert "19811218-9876" in response.content.decode()
    assert "<h1>" in response.content.decode()


def test_it_reveals_only_by_post(world, signed_in, mapped):
    assert signed_in(world.coach).get(reveal_url(mapped)).status_code == 405
    assert not accesses(mapped, "identity_number").exists()


def test_it_reveals_nothing_to_another_organisation(world, signed_in, mapped):
    response = signed_in(world.outsider).post(reveal_url(mapped))

    assert response.status_code == 404
    assert not accesses(mapped, "identity_number").exists()


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_reveals_nothing_to_scouts_and_viewers(world, signed_in, mapped, role):
    assert signed_in(getattr(world, role)).post(reveal_url(mapped)).status_code == 403
