import datetime
import io
import re

import openpyxl
import pytest
from django.urls import reverse

from baslager.accounts.tests.helpers import give_totp
from baslager.projects.models import ExitSituation, Project, ProjectEnrolment, SituationKind
from baslager.socioeconomics.forms import ParameterForms
from baslager.socioeconomics.models import Assumption, AssumptionKey, CostItem
from baslager.socioeconomics.services import parameter_set_for
from baslager.testing.personas import make_participant

CALCULATOR = reverse("socioeconomics:calculator")
PARAMETERS = reverse("socioeconomics:parameters")
PREVIEW = reverse("socioeconomics:preview")


def _figure(page: str, name: str) -> str:
    match = re.search(rf'data-figure="{name}">(.*?)</(?:p|li)>', page, re.S)
    assert match, f"no {name} figure"
    return " ".join(match.group(1).split())


def _posted(world, **changes) -> dict:
    """The parameter page's form as the browser sends it, with ``changes`` by field name."""
    forms = ParameterForms(parameter_set_for(organisation=world.home))
    data = {}
    for form in [forms.form, *forms.costs.forms, *forms.assumptions]:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    management = forms.costs.management_form
    data |= {field.html_name: field.value() for field in management}
    return data | changes


def test_the_calculator_values_a_what_if_for_staff_and_viewers(world, signed_in):
    for user in (world.admin, world.coach, world.viewer):
        page = signed_in(user).get(CALCULATOR).content.decode()
        # The default what-if: 20 participants, 25 % reach work.
        assert _figure(page, "headline").startswith("5 people into work:")
        assert "of 20 participants" in _figure(page, "break-even")
        assert "Estimate" in page and "Antagande av Baslägers team" in page
        assert "<svg" in page and "<table" in page
        assert ("Edit parameters" in page) == (user != world.viewer)


def test_scouts_do_not_get_the_calculator(world, signed_in):
    assert signed_in(world.scout).get(CALCULATOR).status_code == 403


def test_the_what_if_answers_with_the_results_only_for_htmx(world, signed_in):
    client = signed_in(world.coach)
    query = {
        "participants": 34,
        "share_into_work": 50,
        "project_cost": 2_300_000,
        "project_years": 1,
        "paid_by_kommun": 100,
        "paid_by_state": 0,
        "paid_by_forsakringskassan": 0,
        "paid_by_region": 0,
    }
    fragment = client.get(CALCULATOR, query, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert _figure(fragment, "headline").startswith("17 people into work:")
    assert "of 34 participants" in _figure(fragment, "break-even")
    wrong = client.get(CALCULATOR, query | {"paid_by_state": 50}, headers={"HX-Request": "true"})
    assert "The shares paid add up to more than 100 %." in wrong.content.decode()
    assert 'data-figure="headline"' not in wrong.content.decode()


def test_a_coach_changes_the_parameters_and_their_sources(world, signed_in):
    client = signed_in(world.coach)
    horizon = f"{AssumptionKey.HORIZON}-"
    data = _posted(
        world,
        **{
            f"{horizon}value": "20",
            f"{horizon}source": "Styrgruppens beslut 2026",
            "costs-5-actor": "justice",
            "costs-5-label": "Polis och domstol",
            "costs-5-kind": "real",
            "costs-5-amount_per_year": "8000",
            "costs-5-source": "Egen uppskattning",
            "costs-0-DELETE": "on",
        },
    )
    data.pop(f"{horizon}is_estimate")
    response = client.post(PARAMETERS, data)
    assert response.status_code == 302 and response.url == CALCULATOR
    saved = Assumption.objects.get(organisation=world.home, key=AssumptionKey.HORIZON)
    assert (saved.value, saved.source, saved.is_estimate) == (20, "Styrgruppens beslut 2026", False)
    labels = list(CostItem.objects.filter(organisation=world.home).values_list("label", flat=True))
    assert "Polis och domstol" in labels and "Försörjningsstöd" not in labels
    page = client.get(CALCULATOR).content.decode()
    assert "over 20 years" in _figure(page, "headline")


def test_shares_of_the_production_over_100_are_refused(world, signed_in):
    client = signed_in(world.admin)
    response = client.post(PARAMETERS, _posted(world, **{"share_kommun-value": "90"}))
    assert response.status_code == 200
    assert "add up to more than 100 %" in response.content.decode()
    assert Assumption.objects.get(organisation=world.home, key="share_kommun").value == 15


def test_the_preview_shows_unsaved_parameters_and_writes_nothing(world, signed_in):
    client = signed_in(world.coach)
    before = signed_in(world.coach).get(CALCULATOR).content.decode()
    response = client.post(PREVIEW, _posted(world, **{"horizon_years-value": "3"}))
    fragment = response.content.decode()
    assert "not yet saved" in fragment
    assert "over 3 years" in _figure(fragment, "headline")
    assert "over 15 years" in _figure(before, "headline")
    assert Assumption.objects.get(organisation=world.home, key="horizon_years").value == 15
    invalid = client.post(PREVIEW, _posted(world, **{"horizon_years-value": "2.5"}))
    assert "not valid yet" in invalid.content.decode()


def test_viewers_may_not_edit_the_parameters(world, signed_in):
    client = signed_in(world.viewer)
    assert client.get(PARAMETERS).status_code == 403
    assert client.post(PREVIEW, _posted(world)).status_code == 403


def _project_with_people_into_work(world, count: int) -> Project:
    project = Project.objects.create(
        organisation=world.home,
        name="Enklare väg till jobb",
        funder="kommun",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        budget=2_000_000,
        planned_participants=30,
    )
    for _ in range(count):
        enrolment = ProjectEnrolment.objects.create(
            organisation=world.home,
            participant=make_participant(world.home, world.coach),
            project=project,
            entry_date=datetime.date(2025, 1, 10),
            exit_date=datetime.date(2025, 6, 1),
        )
        ExitSituation.objects.create(
            organisation=world.home,
            enrolment=enrolment,
            kind=SituationKind.EMPLOYMENT,
            employment_form="ordinary",
            occurred_on=datetime.date(2025, 6, 10),
            evidence_kind="employer_confirmation",
        )
    return project


def test_a_project_is_valued_by_the_people_it_brought_into_work(world, signed_in):
    project = _project_with_people_into_work(world, 5)
    url = reverse("socioeconomics:project", kwargs={"project": project.pk})
    for user in (world.admin, world.viewer):
        page = signed_in(user).get(url).content.decode()
        assert "5 participants have left the project for work." in page
        assert _figure(page, "headline").startswith("5 people into work:")
        assert "of 5 participants" in _figure(page, "break-even")  # 5 enrolled
    detail = signed_in(world.viewer).get(reverse("projects:detail", kwargs={"project": project.pk}))
    assert url in detail.content.decode()


def test_viewers_get_no_value_resting_on_fewer_than_five_people(world, signed_in):
    project = _project_with_people_into_work(world, 3)
    url = reverse("socioeconomics:project", kwargs={"project": project.pk})
    viewer_page = signed_in(world.viewer).get(url).content.decode()
    assert "Fewer than five participants" in viewer_page
    assert 'data-figure="headline"' not in viewer_page
    assert "<svg" not in viewer_page
    # It depends on the budget, not on people; but the 3 enrolled are not shown as "of 3".
    assert "3 participants" not in _figure(viewer_page, "break-even")
    coach_page = signed_in(world.coach).get(url).content.decode()
    assert _figure(coach_page, "headline").startswith("3 people into work:")


def _workbook(response):
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_the_project_value_as_a_pdf(world, signed_in):
    project = _project_with_people_into_work(world, 5)
    url = reverse("socioeconomics:project_pdf", kwargs={"project": project.pk})
    response = signed_in(world.viewer).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_the_project_value_in_excel_with_results_and_sources(world, signed_in):
    project = _project_with_people_into_work(world, 5)
    url = reverse("socioeconomics:project_excel", kwargs={"project": project.pk})
    workbook = _workbook(signed_in(world.viewer).get(url))
    results, costs, assumptions = workbook.worksheets
    rows = list(results.iter_rows(values_only=True))
    assert rows[0][0] == "Enklare väg till jobb"
    assert rows[1][:2] == ("Participants who reached work", 5)
    assert rows[3][:2] == ("Payer", "Real costs avoided per person-year")
    society = rows[-1]
    assert society[0] == "Society (real effects)"
    assert society[6] == 2_000_000  # the whole budget
    assert society[7] == pytest.approx(
        society[5] - society[6], abs=1
    )  # net = gain over the horizon - cost
    assert "Municipality" in [row[0] for row in rows[4:-1]]
    cost_rows = list(costs.iter_rows(values_only=True))
    assert cost_rows[0][4:6] == ("Source", "Link to the source")
    assert len(cost_rows) > 1 and all(row[4] for row in cost_rows[1:])
    assumption_rows = list(assumptions.iter_rows(values_only=True))
    assert assumption_rows[0][:3] == ("Parameter", "Value", "Unit")
    assert any(row[3].startswith("Antagande av Baslägers team") for row in assumption_rows[1:])


def test_the_excel_file_hides_from_viewers_what_the_page_hides(world, signed_in):
    project = _project_with_people_into_work(world, 3)
    url = reverse("socioeconomics:project_excel", kwargs={"project": project.pk})
    rows = list(
        _workbook(signed_in(world.viewer).get(url)).worksheets[0].iter_rows(values_only=True)
    )
    assert rows[1][:2] == ("Participants who reached work", "<5")
    assert rows[-1][5] == "<5" and rows[-1][7] == "<5"
    coach_rows = list(
        _workbook(signed_in(world.coach).get(url)).worksheets[0].iter_rows(values_only=True)
    )
    assert coach_rows[1][:2] == ("Participants who reached work", 3)
    assert isinstance(coach_rows[-1][5], int)


@pytest.mark.parametrize("name", ["project", "project_pdf", "project_excel"])
def test_the_project_value_and_its_files_by_role(world, signed_in, name):
    project = _project_with_people_into_work(world, 5)
    url = reverse(f"socioeconomics:{name}", kwargs={"project": project.pk})
    assert signed_in(world.scout).get(url).status_code == 403
    give_totp(world.outsider)
    assert signed_in(world.outsider).get(url).status_code == 404
