import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from baslager.employers.models import Employer
from baslager.openings import selectors, services
from baslager.openings.models import LowThresholdTask, Opening
from baslager.testing.queries import queries_to_get

TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


@pytest.fixture
def opening(world, employer):
    return Opening.objects.create(organisation=world.home, employer=employer, title="Lagerjobb")


def _task(employer, title="Plocka returer", **fields):
    return LowThresholdTask.objects.create(
        organisation=employer.organisation,
        employer=employer,
        title=title,
        identified_on=TODAY,
        **fields,
    )


def _edit(task) -> str:
    return reverse("openings:task_edit", kwargs={"task": task.pk})


def _bundle(opening) -> str:
    return reverse("openings:bundle", kwargs={"opening": opening.public_id})


def test_it_bundles_tasks_of_the_openings_employer(opening, employer):
    first, second = _task(employer), _task(employer, "Vika kartonger")
    services.opening_bundle_tasks(opening=opening, tasks=[first, second])
    assert set(opening.tasks.all()) == {first, second}


def test_it_refuses_to_bundle_another_employers_task(world, opening, employer):
    elsewhere = _task(Employer.objects.create(organisation=world.home, name="Bageriet"))
    own = _task(employer)
    with pytest.raises(ValidationError):
        services.opening_bundle_tasks(opening=opening, tasks=[own, elsewhere])
    assert not opening.tasks.exists()


def test_it_counts_tasks_identified_and_offered_to_everyone(world, employer):
    _task(employer)
    _task(employer, "Städa fikarummet")
    _task(employer, "Bära tunga säckar", offered_to_everyone_regardless_of_gender=False)
    _task(Employer.objects.create(organisation=world.other, name="Annan AB"))
    counts = selectors.task_counts(membership=world.coach.memberships.get())
    assert counts == {"identified": 3, "offered_to_everyone": 2}


def test_it_lists_the_counts_on_the_catalogue(world, signed_in, employer):
    _task(employer, "Sortera post")
    _task(employer, "Bära säckar", offered_to_everyone_regardless_of_gender=False)
    response = signed_in(world.coach).get(reverse("openings:tasks"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<dd data-count="identified">2</dd>' in html
    assert '<dd data-count="offered">1</dd>' in html
    assert "Sortera post" in html


def test_it_filters_the_catalogue_by_employer(world, signed_in, employer):
    _task(employer, "Sortera post")
    _task(Employer.objects.create(organisation=world.home, name="Bageriet"), "Baka bullar")
    response = signed_in(world.coach).get(
        reverse("openings:tasks"), {"employer": employer.public_id}
    )
    html = response.content.decode()
    assert "Sortera post" in html
    assert "Baka bullar" not in html


def test_it_lists_tasks_with_constant_queries(world, signed_in, employer):
    client = signed_in(world.coach)
    for number in range(3):
        _task(Employer.objects.create(organisation=world.home, name=f"A{number}"))
    few = queries_to_get(client, reverse("openings:tasks"))
    for number in range(12):
        _task(Employer.objects.create(organisation=world.home, name=f"B{number}"))
    assert queries_to_get(client, reverse("openings:tasks")) == few


def test_it_hides_tasks_from_outsiders(world, signed_in, employer, opening):
    task = _task(employer)
    client = signed_in(world.outsider)
    assert client.get(_edit(task)).status_code == 404
    assert client.post(_bundle(opening), {"tasks": [task.pk]}).status_code == 404
    response = client.get(reverse("openings:tasks"))
    assert "Plocka returer" not in response.content.decode()
    assert (
        client.get(reverse("openings:task_create"), {"employer": employer.public_id}).status_code
        == 404
    )


def test_it_refuses_viewers(world, signed_in, employer, opening):
    task = _task(employer)
    client = signed_in(world.viewer)
    for url in (reverse("openings:tasks"), reverse("openings:task_create"), _edit(task)):
        assert client.get(url).status_code == 403, url
    assert client.post(_bundle(opening), {"tasks": [task.pk]}).status_code == 403
    assert not opening.tasks.exists()


def test_it_lets_scouts_register_a_task(world, signed_in, employer):
    client = signed_in(world.scout)
    url = reverse("openings:task_create") + f"?employer={employer.public_id}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "employer": employer.pk,
            "title": "Vattna blommor",
            "done_today_by": "Kontorschefen",
            "hours_per_week": "2.5",
            "language_demand": "A2",
            "physical_demands": "low",
            "supervision": "close",
            "offered_to_everyone_regardless_of_gender": "on",
            "identified_on": "2026-11-20",
        },
    )
    assert response.status_code == 302
    task = LowThresholdTask.objects.get(title="Vattna blommor")
    assert (task.organisation, task.created_by, task.supervision) == (
        world.home,
        world.scout,
        "close",
    )
    assert str(task.hours_per_week) == "2.5"


def test_it_edits_a_task_and_keeps_typed_values_on_error(world, signed_in, employer):
    task = _task(employer)
    client = signed_in(world.coach)
    response = client.post(_edit(task), {"employer": employer.pk, "title": "Nytt namn"})
    assert response.status_code == 200
    assert 'value="Nytt namn"' in response.content.decode()
    data = {
        "employer": employer.pk,
        "title": "Nytt namn",
        "supervision": "none",
        "identified_on": "2026-11-01",
    }
    assert client.post(_edit(task), data).status_code == 302
    task.refresh_from_db()
    assert (task.title, task.offered_to_everyone_regardless_of_gender) == ("Nytt namn", False)


def test_it_bundles_from_the_opening_page(world, signed_in, employer, opening):
    task = _task(employer)
    elsewhere = _task(Employer.objects.create(organisation=world.home, name="Bageriet"), "Baka")
    client = signed_in(world.coach)
    detail = reverse("openings:detail", kwargs={"opening": opening.public_id})
    assert f'value="{task.pk}"' in client.get(detail).content.decode()
    assert client.post(_bundle(opening), {"tasks": [task.pk, elsewhere.pk]}).status_code == 302
    assert not opening.tasks.exists()
    assert client.post(_bundle(opening), {"tasks": [task.pk]}).status_code == 302
    assert list(opening.tasks.all()) == [task]


def test_it_writes_an_audit_entry_for_a_task(world, employer):
    task = services.task_create(
        membership=world.coach.memberships.get(),
        actor=world.coach,
        data={"employer": employer, "title": "Sortera post", "identified_on": TODAY},
    )
    entry = LogEntry.objects.get_for_object(task).get()
    assert entry.additional_data == {"organisation": world.home.pk}


def test_it_writes_an_audit_entry_when_tasks_are_bundled(world, opening, employer):
    task = _task(employer, "Plocka returer")
    services.opening_bundle_tasks(opening=opening, tasks=[task])
    entry = LogEntry.objects.get_for_object(opening).order_by("-pk").first()
    assert entry.changes_dict["tasks"] == {
        "type": "m2m",
        "operation": "add",
        "objects": [str(task)],
    }
