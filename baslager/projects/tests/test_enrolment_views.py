from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.participants.models import SpecialCategoryData, TriState
from baslager.projects.models import ExitReason, ProjectEnrolment, SixMonthFollowUp
from baslager.projects.services import project_enrolment_enter, project_enrolment_exit
from baslager.testing.personas import make_participant

from .factories import make_project

TODAY = timezone.localdate()


def _enrolment(world, project, participant=None, *, exit_days_ago=None):
    enrolment, _ = project_enrolment_enter(
        participant=participant or world.participant,
        project=project,
        entry_date=TODAY - timedelta(days=300),
        actor=world.coach,
    )
    if exit_days_ago is not None:
        project_enrolment_exit(
            enrolment=enrolment,
            exit_date=TODAY - timedelta(days=exit_days_ago),
            exit_reason=ExitReason.FOUND_WORK,
            actor=world.coach,
        )
    return enrolment


def _urls(world, enrolment):
    follow_up = enrolment.follow_ups_6m.get()
    return [
        reverse("projects:enrol", kwargs={"participant": world.participant.public_id}),
        reverse("projects:entry", kwargs={"project_enrolment": enrolment.pk}),
        reverse("projects:exit", kwargs={"project_enrolment": enrolment.pk}),
        reverse("projects:situation_create", kwargs={"project_enrolment": enrolment.pk}),
        reverse("projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk}),
    ]


def test_the_coach_enrols_a_participant_and_checks_the_characteristics(world, signed_in):
    project = make_project(world)
    client = signed_in(world.coach)
    enrol = reverse("projects:enrol", kwargs={"participant": world.participant.public_id})
    response = client.post(enrol, {"project": project.pk, "entry_date": TODAY.isoformat()})
    enrolment = ProjectEnrolment.objects.get(participant=world.participant)
    assert response.url == reverse("projects:entry", kwargs={"project_enrolment": enrolment.pk})
    page = client.get(response.url).content.decode()
    assert "Special-category data at entry" in page
    data = {
        "employment_status_at_entry": "inactive",
        "education_at_entry": "isced_0_2",
        "homeless_at_entry": "yes",
        "rural_at_entry": "",
        "sensitive-has_disability": "refused",
        "sensitive-minority": "",
        "sensitive-foreign_background": "yes",
        "sensitive-third_country_national": "yes",
        "sensitive-collection_attempted_at": TODAY.isoformat(),
    }
    assert client.post(response.url, data).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.employment_status_at_entry == "inactive"
    assert enrolment.homeless_at_entry == "yes"
    assert enrolment.sensitive_snapshot.disability == "refused"
    assert enrolment.sensitive_snapshot.citizenship == "third_country"
    # One source: what was entered at entry is the participant's special-category data.
    record = SpecialCategoryData.objects.get(participant=world.participant)
    assert (record.has_disability, record.foreign_background, record.third_country_national) == (
        "refused",
        "yes",
        "yes",
    )
    special = client.get(
        reverse(
            "participants:special_category", kwargs={"participant": world.participant.public_id}
        )
    ).content.decode()
    assert "Nothing is recorded" not in special
    assert "<dt>Foreign background</dt><dd>Yes</dd>" in special
    assert "<dt>Third-country national</dt><dd>Yes</dd>" in special
    overview = client.get(
        reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    ).content.decode()
    section = reverse("projects:participant", kwargs={"participant": world.participant.public_id})
    assert "Alla kan arbeta" in overview and f'href="{section}"' in overview
    assert 'id="projects"' in client.get(section).content.decode()


def test_a_coach_who_sees_everyone_does_not_see_the_sensitive_characteristics(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    SpecialCategoryData.objects.create(
        organisation=world.home, participant=world.participant, has_disability=TriState.YES
    )
    enrolment = _enrolment(world, make_project(world))
    client = signed_in(world.colleague)
    url = reverse("projects:entry", kwargs={"project_enrolment": enrolment.pk})
    page = client.get(url).content.decode()
    assert "Characteristics at entry" in page
    assert "Special-category data at entry" not in page
    data = {"employment_status_at_entry": "employed", "sensitive-disability": "no"}
    assert client.post(url, data).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.employment_status_at_entry == "employed"
    assert enrolment.sensitive_snapshot.disability == "yes"


def test_re_entering_through_the_page_keeps_one_enrolment(world, signed_in):
    project = make_project(world)
    enrolment = _enrolment(world, project, exit_days_ago=30)
    client = signed_in(world.coach)
    enrol = reverse("projects:enrol", kwargs={"participant": world.participant.public_id})
    response = client.post(enrol, {"project": project.pk, "entry_date": TODAY.isoformat()})
    assert response.status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.exit_date is None
    assert enrolment.re_entries.count() == 1
    page = client.get(response.url).content.decode()
    assert "Re-entry" in page


def test_the_coach_records_the_exit_and_a_situation_in_the_window(world, signed_in):
    enrolment = _enrolment(world, make_project(world))
    client = signed_in(world.coach)
    exit_url = reverse("projects:exit", kwargs={"project_enrolment": enrolment.pk})
    exit_date = TODAY - timedelta(days=40)
    data = {"exit_date": exit_date.isoformat(), "exit_reason": "completed"}
    assert client.post(exit_url, data).status_code == 302
    follow_up = SixMonthFollowUp.objects.get(enrolment=enrolment)
    assert follow_up.assignee == world.coach
    situation_url = reverse("projects:situation_create", kwargs={"project_enrolment": enrolment.pk})
    late = {
        "occurred_on": (exit_date + timedelta(days=29)).isoformat(),
        "kind": "education",
        "evidence_kind": "certificate",
    }
    page = client.post(situation_url, late).content.decode()
    assert "The situation must lie within 28 days of the exit" in page
    assert not enrolment.situations.exists()
    late["occurred_on"] = (exit_date + timedelta(days=28)).isoformat()
    assert client.post(situation_url, late).status_code == 302
    assert enrolment.situations.get().kind == "education"


def test_the_exit_form_refuses_an_exit_without_a_reason(world, signed_in):
    enrolment = _enrolment(world, make_project(world))
    client = signed_in(world.coach)
    url = reverse("projects:exit", kwargs={"project_enrolment": enrolment.pk})
    page = client.post(url, {"exit_date": TODAY.isoformat()}).content.decode()
    assert "This field is required." in page
    enrolment.refresh_from_db()
    assert enrolment.exit_date is None


@pytest.mark.parametrize(
    ("persona", "status"),
    [("colleague", 404), ("outsider", 404), ("scout", 403), ("viewer", 403)],
)
def test_others_cannot_open_or_change_the_enrolment(world, signed_in, persona, status):
    enrolment = _enrolment(world, make_project(world), exit_days_ago=10)
    client = signed_in(getattr(world, persona))
    for url in _urls(world, enrolment):
        assert client.get(url).status_code == status, url
        assert client.post(url, {"exit_date": TODAY.isoformat()}).status_code == status, url
    enrolment.refresh_from_db()
    assert enrolment.exit_date == TODAY - timedelta(days=10)


def test_the_follow_up_is_on_the_task_list_two_weeks_before_it_is_due(world, signed_in):
    project = make_project(world, starts_on=TODAY - timedelta(days=900))
    due_soon = _enrolment(world, project, exit_days_ago=175)  # due in about 8 days
    later = make_participant(world.home, world.coach, first_name="Lars", last_name="Senare")
    _enrolment(world, project, later, exit_days_ago=100)
    client = signed_in(world.coach)
    page = client.get(reverse("outreach:tasks")).content.decode()
    assert "Follow-ups of participants" in page
    answer = reverse(
        "projects:follow_up_answer", kwargs={"follow_up_6m": due_soon.follow_ups_6m.get().pk}
    )
    assert answer in page and "Amina Hassan" in page
    assert "Lars Senare" not in page


def test_the_task_list_shows_only_follow_ups_of_participants_the_user_sees(world, signed_in):
    enrolment = _enrolment(world, make_project(world), exit_days_ago=200)
    follow_up = enrolment.follow_ups_6m.get()
    follow_up.assignee = world.colleague  # not the participant's coach
    follow_up.save()
    page = signed_in(world.colleague).get(reverse("outreach:tasks")).content.decode()
    assert "Amina Hassan" not in page
    assert "No follow-ups due." in page
    scout_page = signed_in(world.scout).get(reverse("outreach:tasks")).content.decode()
    assert "Follow-ups of participants" not in scout_page


def test_the_coach_answers_the_follow_up_and_it_leaves_the_task_list(world, signed_in):
    enrolment = _enrolment(world, make_project(world), exit_days_ago=190)
    follow_up = enrolment.follow_ups_6m.get()
    client = signed_in(world.coach)
    url = reverse("projects:follow_up_answer", kwargs={"follow_up_6m": follow_up.pk})
    page = client.post(url, {"employment_status": "employed"}).content.decode()
    assert "Say which form of employment it is." in page
    data = {
        "employment_status": "employed",
        "employment_form": "introduktionsjobb",
        "evidence_kind": "employer_confirmation",
        "evidence": "Mejl från arbetsgivaren",
    }
    assert client.post(url, data).status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.answered_by == world.coach
    assert "Amina Hassan" not in client.get(reverse("outreach:tasks")).content.decode()


def test_the_project_page_lists_only_participants_the_member_may_see(world, signed_in):
    project = make_project(world)
    _enrolment(world, project, exit_days_ago=5)
    _enrolment(world, project, world.colleagues_participant)
    url = reverse("projects:detail", kwargs={"project": project.pk})
    page = signed_in(world.coach).get(url).content.decode()
    assert "Amina Hassan" in page and "Bertil Berg" not in page
    admin_page = signed_in(world.admin).get(url).content.decode()
    assert "Amina Hassan" in admin_page and "Bertil Berg" in admin_page


def test_viewers_see_counts_only_and_small_counts_are_suppressed(world, signed_in):
    project = make_project(world)
    _enrolment(world, project)
    _enrolment(world, project, world.colleagues_participant)
    url = reverse("projects:detail", kwargs={"project": project.pk})
    page = signed_in(world.viewer).get(url).content.decode()
    assert "Amina Hassan" not in page and "Bertil Berg" not in page
    assert 'data-count="enrolled"><abbr title="fewer than five people">&lt;5</abbr>' in page
    for number in range(4):
        person = make_participant(world.home, world.coach, last_name=f"Fler{number}")
        _enrolment(world, project, person)
    page = signed_in(world.viewer).get(url).content.decode()
    assert 'data-count="enrolled">6<' in page
    assert "Fler0" not in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_project_participants_and_the_task_list_take_constant_queries(world, signed_in):
    project = make_project(world, starts_on=TODAY - timedelta(days=900))
    client = signed_in(world.coach)
    detail = reverse("projects:detail", kwargs={"project": project.pk})
    tasks = reverse("outreach:tasks")

    def add(number):
        for index in range(number):
            person = make_participant(world.home, world.coach, last_name=f"Deltagare{index}")
            _enrolment(world, project, person, exit_days_ago=180 + index)

    add(2)
    few = (_queries(client, detail), _queries(client, tasks))
    ProjectEnrolment.objects.all().delete()
    add(9)
    assert (_queries(client, detail), _queries(client, tasks)) == few


def test_the_last_exit_sends_the_coach_to_where_closing_the_case_is_offered(world, signed_in):
    first = _enrolment(world, make_project(world))
    second = _enrolment(world, make_project(world, name="Steget vidare"))
    client = signed_in(world.coach)
    data = {"exit_date": TODAY.isoformat(), "exit_reason": "completed"}
    detail = reverse("participants:detail", kwargs={"participant": world.participant.public_id})

    response = client.post(reverse("projects:exit", kwargs={"project_enrolment": first.pk}), data)
    section = reverse("projects:participant", kwargs={"participant": world.participant.public_id})
    assert response.url == section
    response = client.post(
        reverse("projects:exit", kwargs={"project_enrolment": second.pk}), data, follow=True
    )
    assert response.redirect_chain[-1][0] == detail
    assert "is in no project any more: if the work together is over, close the case" in (
        response.content.decode()
    )
