"""The dashboard, its PDF and Excel, and setting targets, for each role."""

import io
import re
import zlib
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from baslager.accounts.tests.helpers import give_totp
from baslager.employers.models import Employer
from baslager.openings.models import LowThresholdTask
from baslager.projects.models import SituationKind
from baslager.targets.models import ProjectTarget, TargetKind

from .conftest import START

EXIT = date(2025, 3, 31)


def target(project, kind, value, **fields):
    return ProjectTarget.objects.create(
        organisation=project.organisation, project=project, kind=kind, value=value, **fields
    )


@pytest.fixture
def studies_target(project, person):
    """Six women and three men left; four of the women and one man went on to studies."""
    for gender, went_to_studies in (
        [("woman", True)] * 4
        + [("woman", False)] * 2
        + [
            ("man", True),
            ("man", False),
            ("man", False),
        ]
    ):
        situation = SituationKind.EDUCATION if went_to_studies else SituationKind.JOB_SEEKING
        person(gender, exit=EXIT, situations=[(date(2025, 4, 10), situation)])
    return target(project, TargetKind.STUDIES, 35)


@pytest.fixture
def admin_client(world, signed_in):
    give_totp(world.admin)
    return signed_in(world.admin)


def dashboard_url(project):
    return reverse("targets:dashboard", kwargs={"project": project.pk})


def test_viewers_see_figures_with_small_cells_suppressed(world, signed_in, project, studies_target):
    response = signed_in(world.viewer).get(dashboard_url(project))
    assert response.status_code == 200
    status = response.context["cards"][0]["status"]
    by_gender = dict(status.now.by_gender)
    assert by_gender["woman"].counted is None  # 4 women: fewer than five
    assert by_gender["woman"].value is None
    assert by_gender["man"].counted is None and by_gender["man"].out_of is None
    # The three men who left would be 9 − 6 − 0: the six women who left are hidden beside them.
    assert by_gender["woman"].out_of is None and by_gender["woman"].complementary
    assert by_gender["other"].out_of == 0
    assert status.now.total.counted == 5 and status.now.total.out_of == 9
    assert status.now.total.value == Decimal("55.6")
    body = response.content.decode()
    assert "&lt;5" in body
    assert "Amina" not in body and "Testsson" not in body
    assert 'role="img"' in body and "<title" in body


def test_administrators_see_exact_figures(admin_client, project, studies_target):
    status = admin_client.get(dashboard_url(project)).context["cards"][0]["status"]
    by_gender = dict(status.now.by_gender)
    assert (by_gender["woman"].counted, by_gender["woman"].out_of) == (4, 6)
    assert by_gender["woman"].value == Decimal("66.7")
    assert (by_gender["man"].counted, by_gender["man"].out_of) == (1, 3)
    assert status.reached is True
    assert status.progress == 159  # 55.6 of 35


@pytest.mark.parametrize("name", ["dashboard", "pdf", "excel"])
def test_an_outsider_gets_404(world, signed_in, project, name):
    give_totp(world.outsider)
    url = reverse(f"targets:{name}", kwargs={"project": project.pk})
    assert signed_in(world.outsider).get(url).status_code == 404


def test_only_administrators_set_targets(world, project, admin_client):
    url = reverse("targets:create", kwargs={"project": project.pk})
    data = {"kind": TargetKind.EMPLOYMENT, "value": "25", "note": "Ur ansökan"}
    for user in (world.coach, world.viewer, world.scout):
        other = Client()
        other.force_login(user)
        assert other.post(url, data).status_code == 403
    assert not ProjectTarget.objects.exists()
    response = admin_client.post(url, data)
    assert response.status_code == 302
    created = ProjectTarget.objects.get()
    assert (created.kind, created.value, created.organisation) == ("employment", 25, world.home)
    again = admin_client.post(url, data)
    assert "already has a target of this kind" in again.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "studies", "value": "120"}, "cannot be more than 100"),
        ({"kind": "internship_places", "value": "50"}, "before the project"),
        ({"kind": "low_threshold_tasks", "value": "20", "baseline": "4"}, "only with internship"),
    ],
)
def test_targets_are_checked(admin_client, project, data, message):
    url = reverse("targets:create", kwargs={"project": project.pk})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_administrator_edits_and_removes_a_target(admin_client, project):
    places = target(project, TargetKind.INTERNSHIP_PLACES, 50, baseline=10)
    url = reverse("targets:edit", kwargs={"project_target": places.pk})
    response = admin_client.post(url, {"kind": "internship_places", "value": "60", "baseline": "8"})
    assert response.status_code == 302
    places.refresh_from_db()
    assert (places.value, places.baseline) == (60, 8)
    admin_client.post(reverse("targets:delete", kwargs={"project_target": places.pk}))
    assert not ProjectTarget.objects.exists()


def test_the_pdf_is_a_pdf_of_the_project(world, signed_in, project, studies_target):
    target(project, TargetKind.LOW_THRESHOLD_TASKS, 20)
    response = signed_in(world.viewer).get(reverse("targets:pdf", kwargs={"project": project.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"%PDF")
    assert len(content) > 5_000
    # WeasyPrint names the document after the page's <title>, in the PDF's metadata.
    assert "Targets of Alla kan arbeta" in pdf_text(content)


def pdf_text(content: bytes) -> str:
    """The PDF's literal strings, compressed streams inflated, as far as they are text."""
    chunks = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            chunks.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    text = b"".join(chunks)
    # UTF-16 strings may start at an odd byte: decode from both.
    wide = (text[start:].decode("utf-16-be", errors="ignore") for start in (0, 1))
    return text.decode("latin-1") + "".join(wide)


def test_the_excel_export_holds_targets_and_months(world, signed_in, project, studies_target):
    employer = Employer.objects.create(organisation=world.home, name="Bageriet")
    LowThresholdTask.objects.create(
        organisation=world.home,
        employer=employer,
        title="Diska",
        identified_on=START,
        project=project,
    )
    target(project, TargetKind.LOW_THRESHOLD_TASKS, 20)
    response = signed_in(world.viewer).get(reverse("targets:excel", kwargs={"project": project.pk}))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    targets, months = workbook.worksheets
    rows = list(targets.iter_rows(values_only=True))
    assert rows[0][0] == "Alla kan arbeta"
    studies = next(row for row in rows if row[0] == "Share to studies")
    assert studies[1] == 35
    assert studies[3] == pytest.approx(55.6)
    assert "<5" in studies  # the women's four, suppressed for a viewer
    tasks = next(row for row in rows if row[0] == "Low-threshold tasks identified")
    assert tasks[3] == 1
    monthly = list(months.iter_rows(values_only=True))
    assert monthly[0][0] == "Month"
    assert monthly[-1][:3] == ("2025-01", "Low-threshold tasks identified", 1) or any(
        row[:3] == ("2025-01", "Low-threshold tasks identified", 1) for row in monthly
    )


def test_the_dashboard_takes_as_many_queries_whatever_the_number_of_targets(
    admin_client, project, person
):
    person("woman", exit=EXIT, situations=[(date(2025, 4, 10), SituationKind.EDUCATION)])
    url = dashboard_url(project)
    target(project, TargetKind.STUDIES, 35)
    target(project, TargetKind.PARTICIPANTS, 40)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(url).status_code == 200
    target(project, TargetKind.EMPLOYMENT, 25)
    target(project, TargetKind.INTERNSHIP, 20)
    target(project, TargetKind.LOW_THRESHOLD_TASKS, 20)
    target(project, TargetKind.NORM_BREAKING, 3)
    target(project, TargetKind.INTERNSHIP_PLACES, 50, baseline=10)
    with CaptureQueriesContext(connection) as many:
        assert admin_client.get(url).status_code == 200
    # Each kind reads its facts in at most three queries, whatever the number of months.
    assert len(many) - len(few) <= 3 * 5
    for _ in range(5):
        person("man", exit=EXIT, situations=[(date(2025, 4, 10), SituationKind.EMPLOYMENT)])
    with CaptureQueriesContext(connection) as more_people:
        admin_client.get(url)
    assert len(more_people) == len(many)


def _shown_cells(body: str) -> list[list[str]]:
    table = body[body.index("<tbody>") : body.index("</tbody>")]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", table)
    return [
        [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in rows
    ]


def test_no_hidden_count_can_be_worked_out_from_the_total(world, signed_in, project, person):
    """Seven women, six men and two others have left; the two others alone would be 15 − 7 − 6."""
    for gender, count in (("woman", 7), ("man", 6), ("non_binary", 2)):
        for _ in range(count):
            person(gender, exit=EXIT, situations=[(date(2025, 4, 10), SituationKind.EDUCATION)])
    target(project, TargetKind.STUDIES, 35)
    body = signed_in(world.viewer).get(dashboard_url(project)).content.decode()
    women, men, others = _shown_cells(body)
    assert women == ["7", "7", "100 %"]
    assert men == ["hidden"] and others == ["&lt;5", "&lt;5", "&lt;5"]
    assert "15 of 15" in body
    admin = _shown_cells(signed_in(world.admin).get(dashboard_url(project)).content.decode())
    assert admin == [["7", "7", "100 %"], ["6", "6", "100 %"], ["2", "2", "100 %"]]


def test_the_increase_in_internship_places_is_measured_against_the_baseline(
    admin_client, project, person, place
):
    for _ in range(5):
        place(person("woman").participant, date(2025, 3, 1))
    target(project, TargetKind.INTERNSHIP_PLACES, 20, baseline=50)
    response = admin_client.get(dashboard_url(project))
    status = response.context["cards"][0]["status"]
    # Five new places on top of fifty: +10 %, half of the +20 % promised; never −90 %.
    assert status.now.total.value == Decimal("10.0")
    assert status.progress == 50
    assert status.months[0][1].total.value == 0
    body = response.content.decode()
    assert "+10 %" in body
    assert "5 new places on top of the 50 before the project" in body


def test_figures_have_a_decimal_comma_in_swedish_and_a_point_in_english(
    admin_client, project, studies_target
):
    assert "55.6 %" in admin_client.get(dashboard_url(project)).content.decode()
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    body = admin_client.get(dashboard_url(project)).content.decode()
    assert "55,6 %" in body and "55.6 %" not in body
