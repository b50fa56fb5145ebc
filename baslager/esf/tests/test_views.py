"""The report, the people behind a figure and the monthly SCB export, as each role sees them."""

import io
import re
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from baslager.accounts.tests.helpers import give_totp
from baslager.esf.models import ExportBatch
from baslager.participants.models import Gender as ParticipantGender
from baslager.testing.personas import make_participant

from .test_selectors import enrol, make_project

pytestmark = pytest.mark.django_db


def complete(person, gender=ParticipantGender.WOMAN):
    person.gender, person.birth_date = gender, date(1990, 1, 1)
    person.id_number = f"19900101{person.pk:04}"
    person.save()
    return person


def _enrol_complete(person, project, **fields):
    return enrol(
        complete(person),
        project,
        employment_status_at_entry="unemployed",
        education_at_entry="isced_3_4",
        **fields,
    )


@pytest.fixture
def project(world):
    project = make_project(world.home, starts_on=date(2025, 1, 1), ends_on=date(2025, 12, 31))
    _enrol_complete(world.participant, project)
    for i in range(5):
        _enrol_complete(make_participant(world.home, first_name=f"Person{i}"), project)
    # one man: a cell of one
    _enrol_complete(make_participant(world.home, world.coach, first_name="Adam"), project)
    complete(project.enrolments.get(participant__first_name="Adam").participant, "man")
    return project


def _row(body: str, code: str) -> str:
    start = body.index(f'data-code="{code}"')
    return body[start : body.index("</tr>", start)]


def _cells(body: str, code: str) -> list[str]:
    """The row's cells after the label, as text: women, men, non-binary, (unknown,) total."""
    row = _row(body, code).split("</th>", 1)[1]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row)]


def test_viewers_see_counts_with_small_cells_hidden(world, signed_in, project):
    body = signed_in(world.viewer).get(reverse("esf:report", args=[project.pk])).content.decode()
    # The six women would give the one man away as 7 − 6: they are hidden beside him.
    assert _cells(body, "EECO02") == ["hidden", "&lt;5", "0", "–", "7"]
    assert reverse("esf:people", args=[project.pk]) not in body


def test_administrators_see_exact_counts_and_may_drill_down(world, signed_in, project):
    client = signed_in(world.admin)
    body = client.get(reverse("esf:report", args=[project.pk])).content.decode()
    assert _cells(body, "EECO02") == ["6", "1", "0", "–", "7"]
    assert reverse("esf:people", args=[project.pk]) in _row(body, "EECO02")


def test_the_period_decides_who_is_counted(world, signed_in, project):
    url = reverse("esf:report", args=[project.pk])
    client = signed_in(world.admin)
    body = client.get(url, {"starts_on": "2025-03-01", "ends_on": "2025-12-31"}).content.decode()
    assert _cells(body, "EECO01")[-1] == "0"
    body = client.get(url, {"starts_on": "2025-02-03", "ends_on": "2025-02-03"}).content.decode()
    assert _cells(body, "EECO01")[-1] == "7"


def test_a_coach_sees_only_their_own_behind_a_figure(world, signed_in, project):
    url = reverse("esf:people", args=[project.pk])
    query = {"code": "EECO02", "starts_on": "2025-01-01", "ends_on": "2025-12-31"}
    body = signed_in(world.coach).get(url, query).content.decode()
    assert "Amina" in body and "Adam" in body and "Person0" not in body
    body = signed_in(world.coach).get(url, {**query, "gender": "man"}).content.decode()
    assert "Adam" in body and "Amina" not in body


def test_viewers_may_not_drill_down_or_export(world, signed_in, project):
    client = signed_in(world.viewer)
    query = {"code": "EECO02", "starts_on": "2025-01-01", "ends_on": "2025-12-31"}
    assert client.get(reverse("esf:people", args=[project.pk]), query).status_code == 403
    assert client.get(reverse("esf:export", args=[project.pk])).status_code == 403
    assert signed_in(world.coach).get(reverse("esf:export", args=[project.pk])).status_code == 403


def test_the_export_in_order_and_the_re_submission_rule(world, signed_in, project):
    client = signed_in(world.admin)
    export_url = reverse("esf:export", args=[project.pk])
    submit_url = reverse("esf:export_submit", args=[project.pk])
    body = client.get(export_url).content.decode()
    # 2025 is long past: every month not sent is overdue, and says so.
    assert 'data-month="2025-02" data-state="overdue"' in body
    assert _row(body.replace("data-month", "data-code"), "2025-02").count("Overdue") == 1
    # Out of order is refused.
    client.post(submit_url, {"month": "2025-02"})
    assert not ExportBatch.objects.exists()
    for month in ("2025-01", "2025-02", "2025-03"):
        client.post(submit_url, {"month": month})
    assert ExportBatch.objects.filter(project=project).count() == 3
    body = client.get(export_url).content.decode()
    assert 'data-month="2025-03" data-state="submitted"' in body
    # A correction in February: February changed, March must be sent again.
    enrolment = project.enrolments.get(participant=world.participant)
    enrolment.entry_date = date(2025, 2, 20)
    enrolment.save()
    body = client.get(export_url).content.decode()
    assert 'data-month="2025-02" data-state="changed"' in body
    assert 'data-month="2025-03" data-state="resubmit"' in body
    assert "must be sent to SCB again" in body


def test_downloads_in_csv_and_excel(world, signed_in, project):
    client = signed_in(world.admin)
    url = reverse("esf:export_download", args=[project.pk])
    csv_text = client.get(url, {"month": "2025-02", "format": "csv"}).content.decode()
    lines = csv_text.strip().splitlines()
    assert lines[0] == "Month;Personal identity number;Start date;End date"
    assert len(lines) == 8 and all(line.startswith("2025-02;") for line in lines[1:])
    response = client.get(url, {"format": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == ["2025-01", "2025-02", "2025-03"]
    assert client.get(url, {"month": "garbage"}).status_code == 404


def test_downloads_are_logged(world, signed_in, project):
    from auditlog.models import LogEntry

    signed_in(world.admin).get(reverse("esf:export_download", args=[project.pk]))
    entry = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).latest("pk")
    assert entry.additional_data["viewed"] == "scb_participant_export"


def test_the_report_in_a_constant_number_of_queries(world, signed_in, project):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = signed_in(world.viewer)
    url = reverse("esf:report", args=[project.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    few = queries()
    for i in range(10):
        _enrol_complete(make_participant(world.home, first_name=f"More{i}"), project)
    assert queries() == few


def test_without_a_figure_the_people_page_lists_everyone_the_member_may_see(
    world, signed_in, project
):
    body = signed_in(world.coach).get(reverse("esf:people", args=[project.pk])).content.decode()
    assert "EECO01" in body and "Amina" in body and "Person0" not in body


def test_a_period_ending_before_it_starts_is_refused_and_the_whole_project_shown(
    world, signed_in, project
):
    url = reverse("esf:report", args=[project.pk])
    response = signed_in(world.admin).get(url, {"starts_on": "2025-06-01", "ends_on": "2025-01-01"})
    body = response.content.decode()
    assert "The end of the period cannot be before its start." in body
    assert _cells(body, "EECO01")[-1] == "7"


def test_refusals_on_a_row_of_their_own(world, signed_in, project):
    from baslager.projects.models import EnrolmentSensitiveSnapshot

    for enrolment in project.enrolments.all():
        EnrolmentSensitiveSnapshot.objects.create(
            organisation=world.home, enrolment=enrolment, disability="refused"
        )
    body = signed_in(world.admin).get(reverse("esf:report", args=[project.pk])).content.decode()
    assert _cells(body, "EECO12") == ["0", "0", "0", "–", "0"]
    assert "Declined to answer" in _row(body, "EECO12-refused")
    assert _cells(body, "EECO12-refused") == ["6", "1", "0", "–", "7"]
    assert 'data-code="EECO13-refused"' not in body


def test_the_report_charts_the_result_indicators_by_gender(world, signed_in, project):
    body = signed_in(world.viewer).get(reverse("esf:report", args=[project.pk])).content.decode()
    assert body.count('<svg class="chart"') == 3
    assert "Result indicators: Women" in body and "Result indicators: Non-binary" in body
    charts = body[body.index('id="esf-charts-heading"') :]
    assert all(f">EECR0{n}<" in charts for n in range(1, 7))
    assert ">EECO01<" not in charts


def test_the_report_as_a_pdf(world, signed_in, project):
    url = reverse("esf:report_pdf", args=[project.pk])
    response = signed_in(world.viewer).get(
        url, {"starts_on": "2025-01-01", "ends_on": "2025-06-30"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def _sheet_rows(response) -> list[tuple]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(workbook.worksheets) == 1
    return list(workbook.active.iter_rows(values_only=True))


def test_the_report_in_excel_with_the_pages_suppression(world, signed_in, project):
    url = reverse("esf:report_excel", args=[project.pk])
    rows = _sheet_rows(signed_in(world.viewer).get(url))
    assert rows[0][:2] == (project.name, "2025-01-01 – 2025-12-31")
    assert rows[1] == (
        "Code",
        "Indicator",
        "Women",
        "Men",
        "Non-binary",
        "Gender not recorded",
        "Total",
    )
    by_code = {row[0]: row for row in rows[2:] if row[1] != "Declined to answer"}
    assert by_code["EECO02"][2:] == ("hidden", "<5", 0, 0, 7)
    assert set(by_code) >= {"EECO01", "EECO17", "EECR01", "EECR06"}
    exact = {row[0]: row for row in _sheet_rows(signed_in(world.admin).get(url))[2:]}
    assert exact["EECO02"][2:] == (6, 1, 0, 0, 7)


def test_the_excel_report_counts_those_without_a_gender_so_the_columns_add_up(
    world, signed_in, project
):
    enrol(make_participant(world.home, first_name="Nobody"), project)
    rows = _sheet_rows(signed_in(world.admin).get(reverse("esf:report_excel", args=[project.pk])))
    total = next(row for row in rows if row[0] == "EECO01")
    women, men, non_binary, unknown, in_all = total[2:]
    assert unknown == 1
    assert women + men + non_binary + unknown == in_all == 8
    refusals = [row for row in rows if row[1] == "Declined to answer"]
    assert refusals and all(len(row) == len(total) for row in refusals)


def test_the_period_carries_over_to_the_downloads(world, signed_in, project):
    query = {"starts_on": "2025-03-01", "ends_on": "2025-12-31"}
    client = signed_in(world.admin)
    body = client.get(reverse("esf:report", args=[project.pk]), query).content.decode()
    assert "starts_on=2025-03-01&amp;ends_on=2025-12-31" in body
    rows = _sheet_rows(client.get(reverse("esf:report_excel", args=[project.pk]), query))
    assert next(row for row in rows if row[0] == "EECO01")[-1] == 0


@pytest.mark.parametrize("name", ["report", "report_pdf", "report_excel"])
def test_an_outsider_gets_404_for_the_report_and_its_files(world, signed_in, project, name):
    give_totp(world.outsider)
    url = reverse(f"esf:{name}", args=[project.pk])
    assert signed_in(world.outsider).get(url).status_code == 404
