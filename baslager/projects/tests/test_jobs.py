from datetime import date, timedelta

from django.urls import reverse

from baslager.messaging.models import Message
from baslager.projects.jobs import follow_ups_6m_due
from baslager.projects.models import ExitReason, ProjectEnrolment, SixMonthFollowUp
from baslager.projects.services import project_enrolment_exit

from .factories import make_project

TODAY = date(2026, 12, 7)


def exited(world, participant, exit_date):
    enrolment = ProjectEnrolment.objects.create(
        organisation=world.home,
        participant=participant,
        project=make_project(world, name=f"Projekt {participant.pk}"),
        entry_date=exit_date - timedelta(days=200),
        created_by=world.coach,
    )
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=exit_date,
        exit_reason=ExitReason.FOUND_WORK,
        actor=world.coach,
    )
    return enrolment.follow_ups_6m.get()


def test_the_coach_is_told_once_of_a_follow_up_that_falls_due(worker, world, smtp_inbox, settings):
    settings.SITE_URL = "https://baslager.example"
    due = exited(world, world.participant, TODAY - timedelta(days=180))
    exited(world, world.colleagues_participant, TODAY - timedelta(days=100))  # months away

    assert follow_ups_6m_due.call(day=TODAY.isoformat()) == 1
    assert follow_ups_6m_due.call(day=(TODAY + timedelta(days=1)).isoformat()) == 0
    worker()

    [mail] = smtp_inbox.mails
    assert mail.to == [world.coach.email]
    link = "https://baslager.example" + reverse(
        "projects:follow_up_answer", kwargs={"follow_up_6m": due.pk}
    )
    assert link in mail.body
    assert world.participant.last_name not in mail.body
    assert Message.objects.get().participant == world.participant


def test_answered_or_cancelled_follow_ups_are_not_sent(world, smtp_inbox):
    answered = exited(world, world.participant, TODAY - timedelta(days=180))
    SixMonthFollowUp.objects.filter(pk=answered.pk).update(answered_at=answered.created_at)
    assert follow_ups_6m_due.call(day=TODAY.isoformat()) == 0
