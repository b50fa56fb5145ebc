from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.plans.models import Activity, ActivityKind, Enrolment, Goal, GoalStatus
from baslager.testing.personas import make_participant

from .helpers import enrol, make_activity, make_goal, make_occurrence


def plan_url(participant, name="plans:plan"):
    return reverse(name, kwargs={"participant": participant.public_id})


PARTICIPANT_PAGES = ["plans:plan", "plans:print", "plans:goal_create", "plans:enrol"]


@pytest.mark.parametrize("name", PARTICIPANT_PAGES)
def test_it_hides_another_organisations_participant(world, signed_in, name):
    response = signed_in(world.outsider).get(plan_url(world.participant, name))
    assert response.status_code == 404


@pytest.mark.parametrize("name", PARTICIPANT_PAGES)
def test_it_hides_a_colleagues_participant_from_a_coach(world, signed_in, name):
    response = signed_in(world.coach).get(plan_url(world.colleagues_participant, name))
    assert response.status_code == 404


@pytest.mark.parametrize("name", PARTICIPANT_PAGES)
@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_scouts_and_viewers(world, signed_in, name, role):
    response = signed_in(getattr(world, role)).get(plan_url(world.participant, name))
    assert response.status_code == 403


def test_it_shows_goals_activities_and_attendance_on_the_plan(world, signed_in):
    make_goal(world.participant, title="Ta truckkort", status=GoalStatus.IN_PROGRESS)
    activity = make_activity(world.home, title="Jobbklubben", location="Storgatan 1")
    make_occurrence(activity, starts_at=timezone.now() + timedelta(days=2))
    enrol(activity, world.participant)

    response = signed_in(world.coach).get(plan_url(world.participant))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Ta truckkort" in content
    assert "Jobbklubben" in content
    assert "Storgatan 1" in content
    assert len(response.context["plan"]["enrolments"][0].upcoming) == 1
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, additional_data__viewed="plan", actor=world.coach
    ).exists()


def test_it_adds_a_goal(world, signed_in):
    response = signed_in(world.coach).post(
        plan_url(world.participant, "plans:goal_create"),
        {
            "title": "Lära mig svenska B1",
            "description": "SFI D",
            "target_date": "2027-06-01",
            "status": GoalStatus.PLANNED,
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    assert (goal.participant, goal.organisation) == (world.participant, world.home)
    assert goal.target_date.isoformat() == "2027-06-01"


def test_it_keeps_what_was_typed_when_a_goal_is_invalid(world, signed_in):
    response = signed_in(world.coach).post(
        plan_url(world.participant, "plans:goal_create"),
        {"title": "", "description": "Det här sparas inte", "status": GoalStatus.PLANNED},
    )
    assert response.status_code == 200
    assert "Det här sparas inte" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert not Goal.objects.exists()


def test_it_edits_a_goal(world, signed_in):
    goal = make_goal(world.participant)
    url = reverse("plans:goal_edit", kwargs={"goal": goal.pk})
    response = signed_in(world.admin).post(
        url, {"title": "Ta truckkort A+B", "status": GoalStatus.ACHIEVED}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.status) == ("Ta truckkort A+B", GoalStatus.ACHIEVED)


def test_it_hides_goals_and_enrolments_out_of_scope(world, signed_in):
    goal = make_goal(world.colleagues_participant)
    enrolment = enrol(make_activity(world.home), world.colleagues_participant)
    urls = [
        reverse("plans:goal_edit", kwargs={"goal": goal.pk}),
        reverse("plans:enrolment_edit", kwargs={"enrolment": enrolment.pk}),
    ]
    for user in (world.outsider, world.coach):
        for url in urls:
            assert signed_in(user).get(url).status_code == 404
    for user in (world.scout, world.viewer):
        for url in urls:
            assert signed_in(user).get(url).status_code == 403


def test_it_enrols_a_participant_in_an_existing_activity_towards_a_goal(world, signed_in):
    activity = make_activity(world.home, title="Studiecirkel")
    goal = make_goal(world.participant)
    response = signed_in(world.coach).post(
        plan_url(world.participant, "plans:enrol"),
        {"mode": "existing", "activity": activity.pk, "goal": goal.pk},
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get()
    assert (enrolment.activity, enrolment.participant, enrolment.goal) == (
        activity,
        world.participant,
        goal,
    )


def test_it_does_not_offer_another_organisations_activity(world, signed_in):
    foreign = make_activity(world.other, title="Främmande")
    response = signed_in(world.coach).post(
        plan_url(world.participant, "plans:enrol"), {"mode": "existing", "activity": foreign.pk}
    )
    assert response.status_code == 200
    assert not Enrolment.objects.exists()
    assert "Främmande" not in response.content.decode()


def test_it_tells_activities_of_the_same_title_apart_in_the_picker(world, signed_in):
    title = "Arbetsträning på second hand-butiken"
    spring = make_activity(
        world.home,
        title=title,
        starts_on=date(2030, 3, 2),
        ends_on=date(2030, 5, 31),
        location="Storgatan 1",
        leader=world.coach,
    )
    autumn = make_activity(world.home, title=title, starts_on=date(2030, 9, 1))
    enrol(autumn, make_participant(world.home, world.coach))
    taken = make_activity(world.home, title="Praktik för någon annan", is_group=False)
    enrol(taken, make_participant(world.home, world.coach))
    ended = make_activity(world.home, title="Förra årets cirkel", ends_on=date(2020, 1, 1))

    response = signed_in(world.coach).get(plan_url(world.participant, "plans:enrol"))
    field = response.context["existing_form"].fields["activity"]
    labels = {activity.pk: field.label_from_instance(activity) for activity in field.queryset}
    assert set(labels) == {spring.pk, autumn.pk}
    assert labels[spring.pk] == (
        f"{title} (2 March 2030–31 May 2030, Storgatan 1, {world.coach}, 0 participants)"
    )
    assert labels[autumn.pk] == f"{title} (1 September 2030–…, 1 participant)"
    content = response.content.decode()
    assert taken.title not in content and ended.title not in content


def test_it_says_how_to_schedule_a_new_activity_that_has_no_occasions(world, signed_in):
    client = signed_in(world.coach)
    response = client.post(
        plan_url(world.participant, "plans:enrol"),
        {"mode": "new", "new-kind": ActivityKind.COACHING, "new-title": "Samtal"},
        follow=True,
    )
    activity = Activity.objects.get()
    schedule = reverse("plans:occurrence_create", kwargs={"activity": activity.pk})
    content = response.content.decode()
    assert "Schedule its occasions" in content
    assert f'href="{schedule}"' in content
    assert "No occasions are scheduled yet" in content
    make_occurrence(activity)
    content = client.get(plan_url(world.participant)).content.decode()
    assert f'href="{schedule}"' not in content
    page = client.get(reverse("plans:activity", kwargs={"activity": activity.pk}))
    assert "No occasions are scheduled yet" not in page.content.decode()


def test_it_creates_a_one_to_one_internship_for_a_participant(world, signed_in):
    response = signed_in(world.coach).post(
        plan_url(world.participant, "plans:enrol"),
        {
            "mode": "new",
            "new-kind": ActivityKind.INTERNSHIP,
            "new-title": "Praktik som lagerarbetare",
            "new-employer": "Byggvaruhuset AB",
            "new-leader": world.coach.pk,
            "new-starts_on": "2026-12-01",
            "new-ends_on": "2027-02-28",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.organisation, activity.is_group, activity.employer) == (
        world.home,
        False,
        "Byggvaruhuset AB",
    )
    assert activity.enrolments.get().participant == world.participant


def test_it_links_an_enrolment_to_a_goal(world, signed_in):
    enrolment = enrol(make_activity(world.home), world.participant)
    goal = make_goal(world.participant)
    url = reverse("plans:enrolment_edit", kwargs={"enrolment": enrolment.pk})
    assert signed_in(world.coach).post(url, {"goal": goal.pk}).status_code == 302
    enrolment.refresh_from_db()
    assert enrolment.goal == goal


def test_it_does_not_link_to_another_participants_goal(world, signed_in):
    enrolment = enrol(make_activity(world.home), world.participant)
    other_goal = make_goal(world.colleagues_participant)
    url = reverse("plans:enrolment_edit", kwargs={"enrolment": enrolment.pk})
    assert signed_in(world.admin).post(url, {"goal": other_goal.pk}).status_code == 200
    enrolment.refresh_from_db()
    assert enrolment.goal is None


def test_it_shows_the_plan_in_the_same_number_of_queries_for_2_and_10_activities(world, signed_in):
    client = signed_in(world.coach)

    def count(participant, size):
        for number in range(size):
            activity = make_activity(world.home, title=f"Aktivitet {number}")
            make_occurrence(activity, starts_at=timezone.now() + timedelta(days=1))
            make_goal(participant, title=f"Mål {number}")
            enrol(activity, participant)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(plan_url(participant)).status_code == 200
        return len(queries)

    small = make_participant(world.home, world.coach)
    large = make_participant(world.home, world.coach)
    assert count(small, 2) == count(large, 10)
