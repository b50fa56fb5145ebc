from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.plans.models import Activity, ActivityKind, Enrolment, Occurrence
from baslager.testing.personas import make_participant

from .helpers import enrol, make_activity, make_occurrence

ACTIVITY_PAGES = [
    "plans:activity",
    "plans:activity_edit",
    "plans:activity_enrol",
    "plans:occurrence_create",
]


@pytest.mark.parametrize("name", ACTIVITY_PAGES)
def test_it_hides_another_organisations_activity(world, signed_in, name):
    activity = make_activity(world.home)
    url = reverse(name, kwargs={"activity": activity.pk})
    assert signed_in(world.outsider).get(url).status_code == 404
    assert signed_in(world.outsider).post(url, {"title": "Kapat"}).status_code == 404
    activity.refresh_from_db()
    assert activity.title == "Veckomöte"


@pytest.mark.parametrize("name", ACTIVITY_PAGES)
@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_scouts_and_viewers_on_an_activity(world, signed_in, name, role):
    activity = make_activity(world.home)
    url = reverse(name, kwargs={"activity": activity.pk})
    assert signed_in(getattr(world, role)).get(url).status_code == 403


@pytest.mark.parametrize("name", ["plans:activities", "plans:activity_create"])
@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_scouts_and_viewers_the_activity_list(world, signed_in, name, role):
    assert signed_in(getattr(world, role)).get(reverse(name)).status_code == 403


def test_it_lists_only_the_organisations_activities_with_counts(world, signed_in):
    meeting = make_activity(world.home, title="Veckomöte i grupp")
    make_occurrence(meeting, starts_at=timezone.now() - timedelta(days=7))
    upcoming = make_occurrence(meeting, starts_at=timezone.now() + timedelta(days=1))
    make_occurrence(meeting, starts_at=timezone.now() + timedelta(days=8))
    enrol(meeting, world.participant)
    enrol(meeting, world.colleagues_participant)
    make_activity(world.other, title="Annans seminarium")

    response = signed_in(world.coach).get(reverse("plans:activities"))

    content = response.content.decode()
    assert "Veckomöte i grupp" in content
    assert "Annans seminarium" not in content
    [row] = response.context["page"].object_list
    assert row.participant_count == 2
    assert row.next_starts_at == upcoming.starts_at


def test_it_filters_activities_by_kind(world, signed_in):
    make_activity(world.home, title="Seminarium om CV", kind=ActivityKind.SEMINAR)
    make_activity(world.home, title="Studiecirkel i svenska", kind=ActivityKind.STUDY_CIRCLE)
    response = signed_in(world.coach).get(reverse("plans:activities"), {"kind": "seminar"})
    assert [a.title for a in response.context["page"].object_list] == ["Seminarium om CV"]


def test_it_lists_activities_in_the_same_number_of_queries_for_2_and_10(world, signed_in):
    client = signed_in(world.admin)
    people = [make_participant(world.home, world.coach) for _ in range(3)]

    def count(size):
        Activity.objects.all().delete()
        for number in range(size):
            activity = make_activity(world.home, title=f"Aktivitet {number}")
            make_occurrence(activity, starts_at=timezone.now() + timedelta(days=number + 1))
            for person in people:
                enrol(activity, person)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("plans:activities"))
        assert len(response.context["page"].object_list) == size
        return len(queries)

    assert count(2) == count(10)


def test_it_creates_a_group_activity(world, signed_in):
    response = signed_in(world.coach).post(
        reverse("plans:activity_create"),
        {
            "kind": ActivityKind.GROUP_MEETING,
            "title": "Tisdagsgruppen",
            "location": "Folkets hus, sal 2",
            "leader": world.colleague.pk,
            "is_group": "on",
            "starts_on": "2026-09-01",
            "ends_on": "2026-11-30",
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:activity", kwargs={"activity": activity.pk})
    assert (activity.organisation, activity.leader, activity.is_group) == (
        world.home,
        world.colleague,
        True,
    )


def test_it_refuses_a_leader_from_another_organisation_and_an_end_before_the_start(
    world, signed_in
):
    response = signed_in(world.coach).post(
        reverse("plans:activity_create"),
        {
            "kind": ActivityKind.SEMINAR,
            "title": "Seminarium",
            "leader": world.outsider.pk,
            "starts_on": "2026-09-01",
            "ends_on": "2026-08-01",
        },
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"leader", "ends_on"}
    assert not Activity.objects.exists()


def test_it_shows_an_activity_with_only_the_participants_in_scope(world, signed_in):
    activity = make_activity(world.home, description="Vi träffas och pratar jobb")
    occurrence = make_occurrence(activity)
    enrol(activity, world.participant)
    enrol(activity, world.colleagues_participant)

    response = signed_in(world.coach).get(
        reverse("plans:activity", kwargs={"activity": activity.pk})
    )

    content = response.content.decode()
    assert "Vi träffas och pratar jobb" in content
    assert world.participant.full_name in content
    assert world.colleagues_participant.full_name not in content
    assert response.context["others"] == 1
    assert reverse("plans:attendance", kwargs={"occurrence": occurrence.pk}) in content


def test_it_edits_an_activity(world, signed_in):
    activity = make_activity(world.home)
    response = signed_in(world.coach).post(
        reverse("plans:activity_edit", kwargs={"activity": activity.pk}),
        {"kind": ActivityKind.STUDY_CIRCLE, "title": "Studiecirkel", "location": "Biblioteket"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.kind, activity.title, activity.location, activity.is_group) == (
        ActivityKind.STUDY_CIRCLE,
        "Studiecirkel",
        "Biblioteket",
        False,
    )


def test_it_enrols_several_participants_at_once(world, signed_in):
    activity = make_activity(world.home)
    second = make_participant(world.home, world.coach, first_name="Dana", last_name="Dahl")
    response = signed_in(world.coach).post(
        reverse("plans:activity_enrol", kwargs={"activity": activity.pk}),
        {"participants": [world.participant.public_id, second.public_id]},
    )
    assert response.status_code == 302
    assert set(activity.enrolments.values_list("participant", flat=True)) == {
        world.participant.pk,
        second.pk,
    }


def test_it_offers_and_accepts_only_participants_in_scope(world, signed_in):
    activity = make_activity(world.home)
    client = signed_in(world.coach)
    url = reverse("plans:activity_enrol", kwargs={"activity": activity.pk})

    content = client.get(url).content.decode()
    assert world.participant.full_name in content
    assert world.colleagues_participant.full_name not in content
    assert world.outsiders_participant.full_name not in content

    for stranger in (world.colleagues_participant, world.outsiders_participant):
        response = client.post(url, {"participants": [stranger.public_id]})
        assert response.status_code == 200
    assert not Enrolment.objects.exists()


def test_it_searches_candidates_by_name_as_an_htmx_fragment(world, signed_in):
    activity = make_activity(world.home)
    make_participant(world.home, world.coach, first_name="Dana", last_name="Dahl")
    response = signed_in(world.coach).get(
        reverse("plans:activity_enrol", kwargs={"activity": activity.pk}),
        {"q": "dah"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert "Dana Dahl" in content
    assert world.participant.full_name not in content
    assert "<html" not in content


def test_it_schedules_a_weekly_meeting_for_twelve_weeks(world, signed_in):
    activity = make_activity(world.home)
    response = signed_in(world.coach).post(
        reverse("plans:occurrence_create", kwargs={"activity": activity.pk}),
        {"date": "2026-09-01", "time": "10:00", "duration_minutes": 120, "weeks": 12},
    )
    assert response.status_code == 302
    occurrences = list(Occurrence.objects.filter(activity=activity))
    assert len(occurrences) == 12
    stockholm = ZoneInfo("Europe/Stockholm")
    local = [o.starts_at.astimezone(stockholm) for o in occurrences]
    assert {(d.isoweekday(), d.hour) for d in local} == {(2, 10)}
    assert local[-1].date().isoformat() == "2026-11-17"
    assert {o.organisation_id for o in occurrences} == {world.home.pk}


def test_it_refuses_a_series_without_a_time(world, signed_in):
    activity = make_activity(world.home)
    response = signed_in(world.coach).post(
        reverse("plans:occurrence_create", kwargs={"activity": activity.pk}),
        {"date": "2026-09-01", "duration_minutes": 60, "weeks": 100},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"time", "weeks"}
    assert not Occurrence.objects.exists()


def test_it_links_the_error_about_no_one_chosen_to_the_group_of_candidates(world, signed_in):
    activity = make_activity(world.home)
    url = reverse("plans:activity_enrol", kwargs={"activity": activity.pk})

    response = signed_in(world.coach).post(url, {})

    content = response.content.decode()
    assert response.status_code == 200
    assert (
        '<a href="#id_participants_0">Participants: Choose at least one participant.</a>' in content
    )
    assert '<fieldset id="id_participants_0" aria-invalid="true">' in content
    assert not Enrolment.objects.exists()


def test_it_pages_the_activity_list_keeping_the_filter(world, signed_in):
    for number in range(51):
        make_activity(world.home, title=f"Seminarium {number:02}", kind=ActivityKind.SEMINAR)

    response = signed_in(world.coach).get(reverse("plans:activities"), {"kind": "seminar"})

    content = response.content.decode()
    assert len(response.context["page"].object_list) == 50
    assert '<a href="?kind=seminar&amp;page=2" rel="next">Next</a>' in content
    assert "Page 1 of 2" in content
