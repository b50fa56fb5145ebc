import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from baslager.participants.models import ParticipantLanguage, WorkExperience
from baslager.taxonomy.models import Language, Skill
from baslager.testing.queries import queries_to_get


def profile_url(participant):
    return reverse("participants:profile", kwargs={"participant": participant.public_id})


def test_it_shows_everything_the_intake_and_the_mapping_recorded(world, signed_in, mapped):
    response = signed_in(world.coach).get(profile_url(mapped))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Amina Hassan" in page
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
    assert "Cecilia Coach" in page
    assert 'Long-term unemployed</dt>\n      <dd><span class="badge badge--warn">Yes' in page
    viewed = LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, additional_data__viewed="participant_page"
    )
    assert viewed.get().actor == world.coach


def test_it_hides_the_profile_outside_the_caseload(world, signed_in):
    assert signed_in(world.coach).get(profile_url(world.colleagues_participant)).status_code == 404
    assert signed_in(world.outsider).get(profile_url(world.participant)).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_profile_to_scouts_and_viewers(world, signed_in, role):
    assert signed_in(getattr(world, role)).get(profile_url(world.participant)).status_code == 403


def test_it_builds_the_profile_in_the_same_number_of_queries_however_much_is_mapped(
    world, signed_in, mapped
):
    languages = [Language.objects.create(concept_id=f"l{n}", label=f"Språk {n}") for n in range(5)]
    skills = [Skill.objects.create(concept_id=f"s{n}", label=f"Skill {n}") for n in range(5)]
    client = signed_in(world.coach)
    before = queries_to_get(client, profile_url(mapped))
    for number, (language, skill) in enumerate(zip(languages, skills, strict=True)):
        ParticipantLanguage.objects.create(
            organisation=world.home, participant=mapped, language=language, cefr_level="A1"
        )
        WorkExperience.objects.create(
            organisation=world.home, participant=mapped, title=f"Jobb {number}"
        )
        mapped.skills.add(skill)
    mapped.coaches.add(world.colleague, world.admin)

    assert queries_to_get(client, profile_url(mapped)) == before
