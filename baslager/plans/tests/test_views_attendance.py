from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baslager.plans.models import Attendance, AttendanceStatus
from baslager.testing.personas import make_participant

from .helpers import enrol, make_activity, make_occurrence


def attendance_url(occurrence):
    return reverse("plans:attendance", kwargs={"occurrence": occurrence.pk})


def group_with(world, size, coach=None):
    activity = make_activity(world.home)
    occurrence = make_occurrence(activity, duration_minutes=180)
    people = [make_participant(world.home, coach or world.coach) for _ in range(size)]
    for person in people:
        enrol(activity, person)
    return occurrence, people


def test_it_hides_another_organisations_occurrence(world, signed_in):
    occurrence, _people = group_with(world, 1)
    url = attendance_url(occurrence)
    assert signed_in(world.outsider).get(url).status_code == 404
    assert signed_in(world.outsider).post(url, {}).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_scouts_and_viewers_attendance(world, signed_in, role):
    occurrence, _people = group_with(world, 1)
    assert signed_in(getattr(world, role)).get(attendance_url(occurrence)).status_code == 403


def test_it_saves_the_whole_group_in_one_post(world, signed_in):
    occurrence, people = group_with(world, 3)
    first, second, third = people
    response = signed_in(world.coach).post(
        attendance_url(occurrence),
        {
            f"status_{first.public_id}": "present",
            f"hours_{first.public_id}": "",
            f"status_{second.public_id}": "present",
            f"hours_{second.public_id}": "1.5",
            f"status_{third.public_id}": "excused",
        },
    )
    assert response.status_code == 302
    rows = {a.participant_id: a for a in Attendance.objects.filter(occurrence=occurrence)}
    assert (rows[first.pk].status, rows[first.pk].hours) == ("present", Decimal("3.0"))
    assert rows[second.pk].hours == Decimal("1.5")
    assert (rows[third.pk].status, rows[third.pk].hours) == ("excused", 0)
    assert {a.recorded_by for a in rows.values()} == {world.coach}


def test_it_shows_saved_values_when_reopened(world, signed_in):
    occurrence, [person] = group_with(world, 1)
    Attendance.objects.create(
        organisation=world.home,
        occurrence=occurrence,
        participant=person,
        status=AttendanceStatus.PRESENT,
        hours=Decimal("2.5"),
    )
    content = signed_in(world.coach).get(attendance_url(occurrence)).content.decode()
    assert f'name="status_{person.public_id}" value="present" required' not in content
    assert f'name="status_{person.public_id}" value="present" id=' in content
    checked = content.split(f'value="present" id="id_status_{person.public_id}_0"')[1]
    assert checked.lstrip().startswith("checked")
    assert 'value="2.5"' in content


def test_it_marks_everyone_present_in_the_form_keeping_edits_and_saving_nothing(world, signed_in):
    occurrence, [first, second] = group_with(world, 2)
    response = signed_in(world.coach).post(
        attendance_url(occurrence),
        {"mark": "present", f"hours_{first.public_id}": "1.5", f"status_{second.public_id}": ""},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {form[f"status_{p.public_id}"].value() for p in (first, second)} == {"present"}
    assert form[f"hours_{first.public_id}"].value() == "1.5"
    # Hours are not pre-filled: empty counts the whole occasion for those present only.
    assert not form[f"hours_{second.public_id}"].value()
    assert not Attendance.objects.exists()


def test_it_marks_everyone_present_from_a_button_inside_the_form_saving_on_enter(world, signed_in):
    occurrence, _people = group_with(world, 1)
    content = signed_in(world.coach).get(attendance_url(occurrence)).content.decode()
    form = content[content.index('<form method="post"') :]
    assert 'name="mark" value="present"' in form
    assert form.index('<button type="submit" hidden') < form.index('name="mark"')


def test_it_accepts_hours_left_on_someone_absent_and_credits_none(world, signed_in):
    occurrence, [present, absent] = group_with(world, 2)
    response = signed_in(world.coach).post(
        attendance_url(occurrence),
        {
            f"status_{present.public_id}": "present",
            f"hours_{present.public_id}": "3",
            f"status_{absent.public_id}": "absent",
            f"hours_{absent.public_id}": "3",
        },
    )
    assert response.status_code == 302
    rows = {a.participant_id: a for a in Attendance.objects.filter(occurrence=occurrence)}
    assert (rows[present.pk].status, rows[present.pk].hours) == ("present", Decimal("3.0"))
    assert (rows[absent.pk].status, rows[absent.pk].hours) == ("absent", 0)


def test_it_keeps_the_form_when_hours_are_wrong(world, signed_in):
    occurrence, [person] = group_with(world, 1)
    response = signed_in(world.coach).post(
        attendance_url(occurrence),
        {f"status_{person.public_id}": "present", f"hours_{person.public_id}": "30"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="error-summary"' in content
    assert 'aria-invalid="true"' in content
    assert 'value="30"' in content
    assert not Attendance.objects.exists()


def test_it_lists_and_saves_only_the_coachs_own_participants(world, signed_in):
    occurrence, [own] = group_with(world, 1)
    enrol(occurrence.activity, world.colleagues_participant)
    client = signed_in(world.coach)

    content = client.get(attendance_url(occurrence)).content.decode()
    assert own.full_name in content
    assert world.colleagues_participant.full_name not in content

    client.post(
        attendance_url(occurrence),
        {
            f"status_{own.public_id}": "present",
            f"status_{world.colleagues_participant.public_id}": "absent",
        },
    )
    assert list(Attendance.objects.values_list("participant", flat=True)) == [own.pk]


def test_it_shows_and_saves_attendance_in_constant_queries_for_3_and_20(world, signed_in):
    client = signed_in(world.coach)

    def count(size):
        occurrence, people = group_with(world, size)
        url = attendance_url(occurrence)
        with CaptureQueriesContext(connection) as shown:
            assert client.get(url).status_code == 200
        data = {f"status_{p.public_id}": "present" for p in people}
        with CaptureQueriesContext(connection) as saved:
            assert client.post(url, data).status_code == 302
        assert Attendance.objects.filter(occurrence=occurrence).count() == size
        return len(shown), len(saved)

    assert count(3) == count(20)


def test_it_shows_no_hours_for_someone_recorded_absent(world, signed_in):
    occurrence, [person] = group_with(world, 1)
    Attendance.objects.create(
        organisation=world.home,
        occurrence=occurrence,
        participant=person,
        status=AttendanceStatus.ABSENT,
        hours=Decimal("0"),
    )
    form = signed_in(world.coach).get(attendance_url(occurrence)).context["form"]
    assert form[f"status_{person.public_id}"].value() == "absent"
    assert form[f"hours_{person.public_id}"].value() is None
