from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baslager.employers.models import Employer, Supervisor, SupervisorTraining
from baslager.employers.services import (
    supervisor_create,
    supervisor_training_add,
    supervisor_update,
)


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


@pytest.fixture
def supervisor(employer):
    return supervisor_create(
        employer=employer, data={"name": "Stina Handledare", "title": "Lagerchef", "capacity": 3}
    )


def _pages(employer, supervisor) -> list[str]:
    return [
        reverse("employers:supervisor_create", kwargs={"employer": employer.public_id}),
        reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk}),
        reverse("employers:supervisor_edit", kwargs={"supervisor": supervisor.pk}),
    ]


def test_it_shows_an_outsider_404_for_another_organisations_supervisor(
    world, signed_in, employer, supervisor
):
    client = signed_in(world.outsider)
    for url in _pages(employer, supervisor):
        assert client.get(url).status_code == 404, url
        response = client.post(url, {"name": "X", "capacity": 1, "course": "X"})
        assert response.status_code == 404, url
    supervisor.refresh_from_db()
    assert supervisor.name == "Stina Handledare"
    assert not supervisor.trainings.exists()


def test_it_refuses_viewers_supervisor_pages(world, client_for, employer, supervisor):
    client = client_for(world.viewer)
    for url in _pages(employer, supervisor):
        assert client.get(url).status_code == 403, url


def test_it_lets_scouts_add_a_supervisor(world, signed_in, employer):
    client = signed_in(world.scout)
    url = reverse("employers:supervisor_create", kwargs={"employer": employer.public_id})
    response = client.post(url, {"name": "Olle Ordning", "title": "Förman", "capacity": 2})
    supervisor = Supervisor.objects.get(employer=employer)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "employers:supervisor", kwargs={"supervisor": supervisor.pk}
    )
    assert (supervisor.name, supervisor.capacity, supervisor.organisation) == (
        "Olle Ordning",
        2,
        world.home,
    )
    page = client.get(response["Location"]).content.decode()
    assert "Olle Ordning" in page and "Not trained" in page


def test_it_edits_a_supervisor(world, signed_in, supervisor):
    client = signed_in(world.coach)
    url = reverse("employers:supervisor_edit", kwargs={"supervisor": supervisor.pk})
    assert "Lagerchef" in client.get(url).content.decode()
    response = client.post(url, {"name": "Stina Ny", "capacity": 5})
    assert response.status_code == 302
    supervisor.refresh_from_db()
    assert (supervisor.name, supervisor.capacity, supervisor.title) == ("Stina Ny", 5, "")


def test_it_refuses_a_capacity_below_one(world, signed_in, employer, supervisor):
    client = signed_in(world.coach)
    url = reverse("employers:supervisor_create", kwargs={"employer": employer.public_id})
    response = client.post(url, {"name": "Noll Plats", "capacity": 0})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Supervisor.objects.filter(name="Noll Plats").exists()
    with pytest.raises(ValidationError) as error:
        supervisor_update(supervisor=supervisor, data={"capacity": 0})
    assert error.value.code == "capacity"
    with pytest.raises(ValidationError):
        supervisor_create(employer=employer, data={"name": "Noll", "capacity": 0})


def test_it_adds_a_training_and_calls_the_supervisor_trained(world, signed_in, supervisor):
    assert not supervisor.is_trained
    client = signed_in(world.coach)
    url = reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk})
    response = client.post(
        url, {"course": "Handledarutbildning", "completed_on": "2026-03-01", "provider": "AF"}
    )
    assert response.status_code == 302
    training = supervisor.trainings.get()
    assert (training.course, training.completed_on, training.provider) == (
        "Handledarutbildning",
        date(2026, 3, 1),
        "AF",
    )
    assert training.organisation == world.home
    assert Supervisor.objects.get(pk=supervisor.pk).is_trained
    page = client.get(url).content.decode()
    assert "Handledarutbildning" in page and "Trained" in page and "Not trained" not in page


def test_it_keeps_what_was_typed_when_a_training_is_invalid(world, signed_in, supervisor):
    client = signed_in(world.coach)
    url = reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk})
    response = client.post(url, {"course": "Handledarkurs", "completed_on": ""})
    assert response.status_code == 200
    assert 'value="Handledarkurs"' in response.content.decode()
    assert not SupervisorTraining.objects.exists()


def test_it_shows_supervisors_on_the_employer_page(world, signed_in, employer, supervisor):
    supervisor_training_add(
        supervisor=supervisor, course="Äldre kurs", completed_on=date(2024, 1, 1)
    )
    supervisor_training_add(
        supervisor=supervisor, course="Handledarutbildning", completed_on=date(2026, 2, 1)
    )
    supervisor_create(employer=employer, data={"name": "Olle Otränad", "capacity": 1})
    client = signed_in(world.scout)
    page = client.get(reverse("employers:detail", kwargs={"employer": employer.public_id}))
    html = page.content.decode()
    assert "Stina Handledare" in html and "Olle Otränad" in html
    assert html.count("badge--ok") == 1 and html.count("badge--warn") == 1
    assert "Handledarutbildning" in html and "Äldre kurs" not in html
    assert reverse("employers:supervisor_create", kwargs={"employer": employer.public_id}) in html


def test_it_logs_supervisors_and_trainings_with_their_organisation(world, supervisor):
    training = supervisor_training_add(
        supervisor=supervisor, course="Handledarutbildning", completed_on=date(2026, 2, 1)
    )
    for obj in (supervisor, training):
        entry = LogEntry.objects.get_for_object(obj).get()
        assert entry.additional_data == {"organisation": world.home.pk}


def _detail_queries(client, employer) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("employers:detail", kwargs={"employer": employer.public_id}))
    assert response.status_code == 200
    return len(queries)


def test_it_shows_the_employer_page_in_the_same_number_of_queries(world, signed_in, employer):
    client = signed_in(world.coach)

    def add_supervisors(count):
        for number in range(count):
            supervisor = supervisor_create(
                employer=employer, data={"name": f"Handledare {number}", "capacity": 2}
            )
            supervisor_training_add(
                supervisor=supervisor, course="Kurs", completed_on=date(2026, 1, 1)
            )

    add_supervisors(1)
    one = _detail_queries(client, employer)
    add_supervisors(4)
    assert _detail_queries(client, employer) == one
