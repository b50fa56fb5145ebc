import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from baslager.participants.models import ParticipantLanguage, WorkExperience


def mapping_url(participant):
    return reverse("participants:mapping", kwargs={"participant": participant.public_id})


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def mapping(concepts, **fields):
    data = {
        **management("languages", 1),
        "languages-0-language": str(concepts["arabic"].pk),
        "languages-0-cefr_level": "native",
        "languages-0-sfi_course": "",
        **management("experiences", 1),
        "experiences-0-occupation": str(concepts["cook"].pk),
        "experiences-0-title": "Kock på restaurang i Aleppo",
        "experiences-0-years": "4.5",
        "experiences-0-country": "Syrien",
        "experiences-0-description": "",
        "education_level": str(concepts["upper_secondary"].pk),
        "education_country": "Syrien",
        "skills": [str(concepts["baking"].pk), str(concepts["forklift"].pk)],
        "driving_licences": ["B", "truck"],
        "interests": "Matlagning och fotboll",
        "dreams_and_goals": "Att få jobba som kock igen.",
        "hours_per_week": "30",
        "available_from": "2026-12-01",
        "available_days": ["1", "2", "3"],
        "max_travel_km": "20",
        "max_travel_minutes": "45",
        "support_needs": "Stöd med svenska i skrift.",
        "adaptations": "",
    }
    data.update(fields)
    return data


def test_it_saves_the_whole_mapping_in_one_go(world, signed_in, concepts):
    participant = world.participant

    response = signed_in(world.coach).post(mapping_url(participant), mapping(concepts))

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.education_level == concepts["upper_secondary"]
    assert set(participant.skills.all()) == {concepts["baking"], concepts["forklift"]}
    assert participant.driving_licences == ["B", "truck"]
    assert participant.available_days == [1, 2, 3]
    assert participant.max_travel_minutes == 45
    assert participant.dreams_and_goals == "Att få jobba som kock igen."
    language = participant.languages.get()
    assert (language.language, language.cefr_level, language.organisation) == (
        concepts["arabic"],
        "native",
        world.home,
    )
    experience = participant.experiences.get()
    assert (experience.occupation, str(experience.years)) == (concepts["cook"], "4.5")
    created = LogEntry.objects.get_for_object(language).get(action=LogEntry.Action.CREATE)
    assert created.actor == world.coach
    assert created.additional_data["participant"] == str(participant.public_id)


def test_it_shows_the_saved_mapping_when_opened_again(world, signed_in, concepts):
    client = signed_in(world.coach)
    client.post(mapping_url(world.participant), mapping(concepts))

    page = client.get(mapping_url(world.participant)).content.decode()

    assert "Arabiska" in page
    assert "Kock på restaurang i Aleppo" in page
    assert 'name="languages-0-DELETE"' in page
    assert 'name="languages-1-cefr_level"' not in page


def test_it_adds_a_row_without_javascript_keeping_what_was_typed(world, signed_in, concepts):
    data = mapping(concepts, add_language="1")

    response = signed_in(world.coach).post(mapping_url(world.participant), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="languages-1-cefr_level"' in page
    assert 'name="languages-TOTAL_FORMS" value="2"' in page
    assert "Att få jobba som kock igen." in page
    assert not ParticipantLanguage.objects.filter(participant=world.participant).exists()


def test_it_adds_an_experience_row_for_htmx_in_the_same_section(world, signed_in, concepts):
    data = mapping(concepts, add_experience="1")

    response = signed_in(world.coach).post(
        mapping_url(world.participant), data, HTTP_HX_REQUEST="true"
    )

    page = response.content.decode()
    assert 'id="experiences-formset"' in page
    assert 'name="experiences-1-title"' in page
    assert not WorkExperience.objects.filter(participant=world.participant).exists()


def test_it_removes_a_row_ticked_for_removal(world, signed_in, concepts):
    row = ParticipantLanguage.objects.create(
        organisation=world.home,
        participant=world.participant,
        language=concepts["somali"],
        cefr_level="B1",
    )
    data = mapping(
        concepts,
        **management("languages", 1, initial=1),
        **{
            "languages-0-id": str(row.pk),
            "languages-0-participant": str(world.participant.pk),
            "languages-0-language": str(concepts["somali"].pk),
            "languages-0-DELETE": "on",
        },
    )

    response = signed_in(world.coach).post(mapping_url(world.participant), data)

    assert response.status_code == 302
    assert not ParticipantLanguage.objects.filter(pk=row.pk).exists()
    assert LogEntry.objects.filter(action=LogEntry.Action.DELETE, object_pk=str(row.pk)).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"languages-0-cefr_level": ""}, "Give a level, or an SFI course."),
        ({"languages-0-sfi_completed": "on"}, "Choose which SFI course was passed."),
        (
            {"experiences-0-occupation": "", "experiences-0-title": ""},
            "Choose an occupation or write a title.",
        ),
        ({"hours_per_week": "200"}, "A week has 168 hours."),
    ],
)
def test_it_keeps_the_typed_mapping_when_something_is_wrong(
    world, signed_in, concepts, fields, message
):
    response = signed_in(world.coach).post(
        mapping_url(world.participant), mapping(concepts, **fields)
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'class="error-summary"' in page
    assert "Matlagning och fotboll" in page
    world.participant.refresh_from_db()
    assert world.participant.interests == ""


def test_it_refuses_the_same_language_twice(world, signed_in, concepts):
    data = mapping(
        concepts,
        **management("languages", 2),
        **{"languages-1-language": str(concepts["arabic"].pk), "languages-1-cefr_level": "B1"},
    )

    response = signed_in(world.coach).post(mapping_url(world.participant), data)

    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert not ParticipantLanguage.objects.filter(participant=world.participant).exists()


def test_it_resolves_a_language_typed_without_choosing_from_the_list(world, signed_in, concepts):
    data = mapping(
        concepts, **{"languages-0-language": "", "languages-0-language_query": "somaliska"}
    )

    signed_in(world.coach).post(mapping_url(world.participant), data)

    assert world.participant.languages.get().language == concepts["somali"]


def test_it_hides_the_mapping_from_another_organisation(world, signed_in, concepts):
    client = signed_in(world.outsider)

    assert client.get(mapping_url(world.participant)).status_code == 404
    assert client.post(mapping_url(world.participant), mapping(concepts)).status_code == 404
    assert not ParticipantLanguage.objects.exists()


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_mapping_to_scouts_and_viewers(world, signed_in, concepts, role):
    client = signed_in(getattr(world, role))

    assert client.get(mapping_url(world.participant)).status_code == 403
    assert client.post(mapping_url(world.participant), mapping(concepts)).status_code == 403
