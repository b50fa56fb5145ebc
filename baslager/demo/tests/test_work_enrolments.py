from datetime import date

import pytest
from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from baslager.demo.services import demo_data_delete, demo_data_load
from baslager.participants.models import Participant
from baslager.projects.models import (
    SITUATION_WINDOW,
    EnrolmentSensitiveSnapshot,
    ExitSituation,
    ProjectEnrolment,
    SituationKind,
    SixMonthFollowUp,
)

pytestmark = pytest.mark.django_db

TODAY = date(2025, 9, 15)
MODELS = (ProjectEnrolment, EnrolmentSensitiveSnapshot, ExitSituation, SixMonthFollowUp)


def _snapshot():
    return sorted(
        ProjectEnrolment.objects.values_list(
            "participant__first_name",
            "participant__last_name",
            "entry_date",
            "exit_date",
            "exit_reason",
            "employment_status_at_entry",
            "situations__kind",
            "situations__employment_form",
            "situations__occurred_on",
            "follow_ups_6m__due_on",
            "follow_ups_6m__employment_status",
        ),
        key=str,
    )


def test_every_demo_participant_is_enrolled_and_a_third_have_left_with_results():
    demo_data_load(participants=60, today=TODAY)
    assert ProjectEnrolment.objects.count() == Participant.objects.count() == 60
    assert EnrolmentSensitiveSnapshot.objects.count() == 60
    enrolments = ProjectEnrolment.objects.select_related("project", "participant")
    for enrolment in enrolments:
        assert enrolment.project.runs_on(enrolment.entry_date)
        assert enrolment.organisation_id == enrolment.participant.organisation_id
        assert enrolment.entry_date >= enrolment.participant.entry_date
        if enrolment.exit_date:
            assert enrolment.entry_date <= enrolment.exit_date <= TODAY
            assert enrolment.exit_reason
    exited = [e for e in enrolments if e.exit_date]
    assert 0.2 < len(exited) / 60 < 0.5
    for situation in ExitSituation.objects.select_related("enrolment"):
        exit_date = situation.enrolment.exit_date
        assert exit_date <= situation.occurred_on <= exit_date + SITUATION_WINDOW
        assert situation.evidence_kind and situation.evidence
        assert bool(situation.employment_form) == (situation.kind == SituationKind.EMPLOYMENT)
        situation.full_clean()
    assert ExitSituation.objects.count() == len(exited)
    kinds = set(ExitSituation.objects.values_list("kind", flat=True))
    assert {SituationKind.EMPLOYMENT, SituationKind.JOB_SEEKING} <= kinds
    follow_ups = list(SixMonthFollowUp.objects.select_related("enrolment"))
    assert len(follow_ups) == len(exited)
    now = timezone.now()
    for follow_up in follow_ups:
        assert follow_up.exit_date == follow_up.enrolment.exit_date
        assert follow_up.due_on == follow_up.exit_date + relativedelta(months=6)
        assert (follow_up.answered_at is not None) == (follow_up.due_on < TODAY)
        if follow_up.answered_at:
            assert follow_up.due_on <= follow_up.answered_at.date() and follow_up.answered_at < now
        follow_up.full_clean()
    assert any(f.answered_at for f in follow_ups) and any(not f.answered_at for f in follow_ups)
    kinds = ContentType.objects.get_for_models(*MODELS).values()
    assert not LogEntry.objects.filter(content_type__in=kinds).exists()


def test_enrolments_are_the_same_from_the_same_seed_and_go_with_the_demo():
    demo_data_load(participants=20, today=TODAY)
    first = _snapshot()
    demo_data_load(participants=20, today=TODAY, reset=True)
    assert _snapshot() == first
    demo_data_delete()
    assert not any(model.objects.exists() for model in MODELS)
