from collections import Counter
from datetime import date

import pytest
from django.db.models import Count
from django.utils import timezone
from personnummer import personnummer

from baslager.accounts.models import User
from baslager.cases.models import CaseClosure
from baslager.demo.identity import identity_number_make
from baslager.demo.services import (
    DemoDataMismatch,
    demo_data_delete,
    demo_data_load,
    demo_participant_split,
)
from baslager.journal.models import CaseNote
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership, Organisation, Role
from baslager.participants.models import Gender, IdKind, Participant, ParticipantStatus
from baslager.phases.models import PhaseTransition
from baslager.plans.models import Attendance, Enrolment

pytestmark = pytest.mark.django_db

FIVE_LOGINS = {
    "admin@arbetslivskraft.example": ("Arbetslivskraft (demo)", Role.ADMIN),
    "coach@arbetslivskraft.example": ("Arbetslivskraft (demo)", Role.COACH),
    "scout@arbetslivskraft.example": ("Arbetslivskraft (demo)", Role.SCOUT),
    "viewer@arbetslivskraft.example": ("Arbetslivskraft (demo)", Role.VIEWER),
    "coach@allakanarbeta.example": ("Alla kan arbeta (demo)", Role.COACH),
}


def people() -> list[tuple]:
    return sorted(
        Participant.objects.values_list(
            "organisation__name", "first_name", "last_name", "id_number", "current_phase__name"
        )
    )


def test_it_creates_both_organisations_with_their_settings():
    demo_data_load(participants=12)

    arbetslivskraft = Organisation.objects.get(name="Arbetslivskraft (demo)")
    alla = Organisation.objects.get(name="Alla kan arbeta (demo)")
    assert (arbetslivskraft.kommun_code, alla.kommun_code) == ("0181", "2280")
    assert arbetslivskraft.coaches_see_all_participants is False
    assert Participant.objects.filter(organisation=arbetslivskraft).count() == 6
    assert Participant.objects.filter(organisation=alla).count() == 6


def test_it_creates_the_five_logins_with_their_roles():
    demo_data_load(participants=12)

    for email, (organisation, role) in FIVE_LOGINS.items():
        user = User.objects.get(email=email)
        membership = Membership.objects.get(user=user)
        assert (membership.organisation.name, membership.role) == (organisation, role)
        assert user.is_demo
        assert user.check_password("baslager-demo")
        assert len(user.full_name.split()) >= 2


def test_it_gives_the_same_data_for_the_same_seed():
    demo_data_load(participants=16, seed=7)
    first = people()
    first_transitions = sorted(PhaseTransition.objects.values_list("reason", "to_phase__name"))
    demo_data_delete()
    assert not Participant.objects.exists()

    demo_data_load(participants=16, seed=7)

    assert people() == first
    assert sorted(PhaseTransition.objects.values_list("reason", "to_phase__name")) == (
        first_transitions
    )
    demo_data_delete()
    demo_data_load(participants=16, seed=8)
    assert people() != first


def test_it_leaves_loaded_data_alone_when_run_again():
    demo_data_load(participants=12)
    before = (Participant.objects.count(), User.objects.count(), PhaseTransition.objects.count())

    again = demo_data_load(participants=12)
    by_default = demo_data_load()

    assert not again.created and not by_default.created
    after = (Participant.objects.count(), User.objects.count(), PhaseTransition.objects.count())
    assert after == before
    assert {login.email for login in again.logins} >= set(FIVE_LOGINS)


def test_it_refuses_another_number_unless_asked_to_reset():
    demo_data_load(participants=12)

    with pytest.raises(DemoDataMismatch):
        demo_data_load(participants=20)
    result = demo_data_load(participants=20, reset=True)

    assert result.created
    assert Participant.objects.count() == 20
    assert User.objects.filter(email="coach@arbetslivskraft.example").count() == 1


def test_it_generates_only_valid_identity_numbers():
    demo_data_load(participants=60)

    rows = list(
        Participant.objects.values_list("organisation_id", "id_kind", "id_number", "gender")
    )
    numbered = [row for row in rows if row[1] != IdKind.NONE]
    assert len(numbered) > 40
    for _, kind, number, gender in numbered:
        assert len(number) == 12
        assert personnummer.valid(number), number
        parsed = personnummer.parse(number)
        assert parsed.is_coordination_number() == (kind == IdKind.SAMORDNINGSNUMMER)
        if gender in (Gender.WOMAN, Gender.MAN):
            assert parsed.is_female() == (gender == Gender.WOMAN)
    assert all(number == "" for _, kind, number, _ in rows if kind == IdKind.NONE)
    per_organisation = Counter((organisation, number) for organisation, _, number, _ in numbered)
    assert max(per_organisation.values()) == 1


def test_it_makes_identity_numbers_with_the_right_check_digit_and_gender():
    import random

    rng = random.Random(1)
    for _ in range(500):
        woman = rng.random() < 0.5
        number = identity_number_make(
            rng, birth_date=date(1985, 7, 9), woman=woman, coordination=rng.random() < 0.3
        )
        parsed = personnummer.parse(number)
        assert personnummer.valid(number)
        assert parsed.is_female() == woman
        assert number.startswith("198507")


def test_it_keeps_phase_histories_consistent_with_the_current_phase():
    demo_data_load(participants=40)
    today = timezone.localdate()

    transitions: dict[int, list[PhaseTransition]] = {}
    for move in PhaseTransition.objects.order_by("moved_on", "pk"):
        transitions.setdefault(move.participant_id, []).append(move)
    for participant in Participant.objects.all():
        moves = transitions[participant.pk]
        assert moves[0].from_phase_id is None
        assert moves[0].moved_on == participant.entry_date
        for earlier, later in zip(moves, moves[1:], strict=False):
            assert later.from_phase_id == earlier.to_phase_id
            assert later.moved_on > earlier.moved_on
        assert moves[-1].to_phase_id == participant.current_phase_id
        assert moves[-1].moved_on < today
        assert all(move.reason and move.moved_by_id for move in moves)
        assert all(move.organisation_id == participant.organisation_id for move in moves)


def test_it_records_attendance_only_for_past_occurrences_of_enrolled_participants():
    demo_data_load(participants=30)
    today = timezone.localdate()

    enrolled = set(Enrolment.objects.values_list("participant_id", "activity_id"))
    attendance = Attendance.objects.select_related("occurrence", "participant")
    assert attendance.exists()
    for row in attendance:
        assert (row.participant_id, row.occurrence.activity_id) in enrolled
        assert timezone.localtime(row.occurrence.starts_at).date() < today
        assert row.occurrence.starts_at.date() >= row.participant.entry_date
    future = Enrolment.objects.filter(activity__occurrences__starts_at__gt=timezone.now()).exists()
    assert future


def test_it_keeps_a_corrected_case_note_with_both_versions():
    demo_data_load(participants=12)

    corrected = CaseNote.objects.annotate(versions_count=Count("versions")).filter(versions_count=2)
    assert corrected.exists()
    versions = list(corrected.first().versions.order_by("written_at"))
    assert versions[0].correction_reason == ""
    assert versions[1].correction_reason
    assert versions[1].text.startswith(versions[0].text)


def test_it_spreads_participants_over_coaches_so_caseloads_stay_realistic():
    assert demo_participant_split(total=50000) == {
        "Arbetslivskraft (demo)": 44952,
        "Alla kan arbeta (demo)": 5048,
    }
    demo_data_load(participants=320)

    coach = User.objects.get(email="coach@arbetslivskraft.example")
    membership = Membership.objects.get(user=coach)
    visible = scoped(Participant, membership).count()
    assert visible == coach.caseload.count()
    assert 30 <= visible <= 60
    assert visible < Participant.objects.filter(organisation=membership.organisation).count()


def test_it_keeps_dates_plausible_for_each_person():
    demo_data_load(participants=60)
    today = timezone.localdate()

    for participant in Participant.objects.select_related("special_category_data"):
        age = participant.age_on(participant.entry_date)
        assert 18 <= age <= 66
        assert participant.entry_date < today
        if participant.unemployed_since:
            assert participant.age_on(participant.unemployed_since) >= 15
        special = getattr(participant, "special_category_data", None)
        if special and special.arrived_in_sweden:
            assert participant.birth_date < special.arrived_in_sweden < participant.entry_date
        for experience in participant.experiences.all():
            assert experience.years <= age - 17


def test_every_ended_demo_case_was_closed_with_a_reason():
    demo_data_load(participants=80)
    today = timezone.localdate()

    ended = Participant.objects.filter(status=ParticipantStatus.ENDED)
    assert ended.exists()
    closures = {row.participant_id: row for row in CaseClosure.objects.all()}
    assert set(closures) == set(ended.values_list("pk", flat=True))
    for participant in ended:
        closure = closures[participant.pk]
        assert participant.entry_date <= closure.closed_on <= today
        assert closure.reason and closure.closed_by_id
        assert closure.organisation_id == participant.organisation_id
