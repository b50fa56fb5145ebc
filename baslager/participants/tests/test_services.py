from datetime import date

from auditlog.models import LogEntry
from django.utils import translation

from baslager.participants import services
from baslager.participants.models import (
    IdKind,
    Participant,
    ParticipantLanguage,
    SpecialCategoryData,
    WorkExperience,
)
from baslager.phases.models import Phase, PhaseTransition
from baslager.testing.personas import membership_of


def register(user, **data):
    data.setdefault("first_name", "Fatima")
    data.setdefault("last_name", "Ali")
    data.setdefault("entry_date", date(2026, 11, 23))
    return services.participant_register(membership=membership_of(user), actor=user, data=data)


def test_it_registers_in_the_first_active_phase_with_the_coach_and_an_intake_transition(world):
    Phase.objects.filter(organisation=world.home, position=1).update(is_active=False)

    with translation.override("en"):
        participant = register(world.coach)

    second = Phase.objects.get(organisation=world.home, position=2)
    assert participant.organisation == world.home
    assert participant.current_phase == second
    assert list(participant.coaches.all()) == [world.coach]
    transition = PhaseTransition.objects.get(participant=participant)
    assert transition.from_phase is None
    assert transition.to_phase == second
    assert transition.moved_by == world.coach
    assert transition.reason == "Intake"
    assert transition.organisation == world.home


def test_it_takes_the_birth_date_from_the_identity_number_when_none_is_given(world):
    participant = register(
        world.coach, id_kind=IdKind.SAMORDNINGSNUMMER, id_number="197010632391", birth_date=None
    )

    assert participant.birth_date == date(1970, 10, 3)


def test_it_drops_a_number_when_the_kind_is_none(world):
    participant = register(world.coach, id_kind=IdKind.NONE, id_number="198112189876")

    assert participant.id_number == ""


def test_it_logs_the_registration_with_the_participant_for_the_audit_log(world):
    participant = register(world.coach)

    entry = LogEntry.objects.get_for_object(participant).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data["participant"] == str(participant.public_id)


def test_it_saves_mapping_rows_into_the_participants_organisation(world, concepts):
    participant = world.participant
    old = ParticipantLanguage.objects.create(
        organisation=world.home,
        participant=participant,
        language=concepts["somali"],
        cefr_level="B1",
    )

    services.participant_mapping_save(
        participant=participant,
        data={"interests": "Matlagning", "driving_licences": ["B"], "skills": [concepts["baking"]]},
        languages=([ParticipantLanguage(language=concepts["arabic"], cefr_level="native")], [old]),
        experiences=([WorkExperience(title="Kock i Aleppo", years=4)], []),
    )

    participant.refresh_from_db()
    assert participant.interests == "Matlagning"
    assert participant.driving_licences == ["B"]
    assert list(participant.skills.all()) == [concepts["baking"]]
    language = participant.languages.get()
    assert (language.language, language.organisation) == (concepts["arabic"], world.home)
    assert participant.experiences.get().organisation == world.home


def test_it_creates_special_category_data_once_and_then_updates_it(world):
    services.special_category_save(participant=world.participant, data={"has_disability": "yes"})
    services.special_category_save(participant=world.participant, data={"minority": "refused"})

    record = SpecialCategoryData.objects.get(participant=world.participant)
    assert (record.has_disability, record.minority) == ("yes", "refused")
    assert record.organisation == world.home


def test_it_sets_the_coaches(world):
    services.participant_coaches_set(
        participant=world.participant, coaches=[world.colleague, world.admin]
    )

    assert set(Participant.objects.get(pk=world.participant.pk).coaches.all()) == {
        world.colleague,
        world.admin,
    }
