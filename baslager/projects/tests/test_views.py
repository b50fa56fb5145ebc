import datetime

from django.urls import reverse

from baslager.employers.models import Employer
from baslager.openings.models import LowThresholdTask
from baslager.projects.models import Project


def _project(world, **fields):
    values = {
        "organisation": world.home,
        "name": "Alla kan arbeta",
        "funder": "esf_plus",
        "starts_on": datetime.date(2025, 1, 1),
        "ends_on": datetime.date(2099, 12, 31),
        **fields,
    }
    return Project.objects.create(**values)


def test_an_administrator_registers_a_project(world, signed_in):
    client = signed_in(world.admin)
    data = {
        "name": "Vägen tillbaka",
        "funder": "arvsfonden",
        "starts_on": "2026-01-01",
        "ends_on": "2028-12-31",
        "planned_participants": "40",
        "budget": "2500000",
    }
    response = client.post(reverse("projects:create"), data)
    project = Project.objects.get(name="Vägen tillbaka")
    assert response.url == reverse("projects:detail", kwargs={"project": project.pk})
    page = client.get(response.url).content.decode()
    assert "2,500,000" in page and "Allmänna arvsfonden" in page


def test_it_keeps_what_was_typed_when_the_dates_are_wrong(world, signed_in):
    client = signed_in(world.admin)
    data = {
        "name": "Baklänges",
        "funder": "own",
        "starts_on": "2026-05-01",
        "ends_on": "2026-01-01",
    }
    page = client.post(reverse("projects:create"), data).content.decode()
    assert "Baklänges" in page
    assert "The end date cannot be before the start date." in page
    assert not Project.objects.filter(name="Baklänges").exists()


def test_coaches_and_viewers_read_projects_but_do_not_change_them(world, signed_in):
    project = _project(world)
    for user in (world.coach, world.viewer, world.scout):
        client = signed_in(user)
        assert "Alla kan arbeta" in client.get(reverse("projects:list")).content.decode()
        assert (
            client.get(reverse("projects:detail", kwargs={"project": project.pk})).status_code
            == 200
        )
        assert client.get(reverse("projects:create")).status_code == 403
        edit = reverse("projects:edit", kwargs={"project": project.pk})
        assert client.post(edit, {"name": "Nytt namn"}).status_code == 403
    project.refresh_from_db()
    assert project.name == "Alla kan arbeta"


def test_an_outsider_cannot_open_the_project(world, signed_in):
    project = _project(world)
    client = signed_in(world.outsider)
    assert client.get(reverse("projects:detail", kwargs={"project": project.pk})).status_code == 404
    assert "Alla kan arbeta" not in client.get(reverse("projects:list")).content.decode()


def test_a_new_task_counts_towards_the_one_running_project(world, signed_in):
    project = _project(world)
    _project(
        world,
        name="Förra projektet",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    employer = Employer.objects.create(organisation=world.home, name="Härnö Snickeri")
    client = signed_in(world.coach)
    page = client.get(reverse("openings:task_create")).content.decode()
    assert f'<option value="{project.pk}" selected>' in page
    data = {
        "employer": employer.pk,
        "title": "Slipa lister",
        "supervision": "some",
        "offered_to_everyone_regardless_of_gender": "on",
        "project": project.pk,
        "identified_on": "2026-11-01",
    }
    assert client.post(reverse("openings:task_create"), data).status_code == 302
    assert LowThresholdTask.objects.get(title="Slipa lister").project == project
    tasks = client.get(reverse("openings:tasks"), {"project": project.pk}).content.decode()
    assert 'data-count="identified">1<' in tasks
