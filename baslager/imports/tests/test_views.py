import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baslager.employers.models import ContactPerson, Employer, SizeBand, Stage
from baslager.imports import services
from baslager.imports.models import BatchStatus, ImportBatch
from baslager.taxonomy.models import Industry

from .files import csv_upload, xlsx_upload


def _batch_url(batch, name="imports:batch") -> str:
    return reverse(name, kwargs={"batch": batch.public_id})


def _upload(client, upload):
    return client.post(reverse("imports:start"), {"file": upload})


def _employer_rows(count: int) -> list[list[str]]:
    return [["Org.nr", "Företag", "Kontaktperson"]] + [
        ["", f"Företag nummer {n}", f"Kontakt {n}"] for n in range(count)
    ]


def _run_with_htmx(client, batch) -> str:
    """Posts to the step URL as htmx does, until the answer no longer asks again."""
    for _attempt in range(200):
        response = client.post(_batch_url(batch, "imports:step"), headers={"HX-Request": "true"})
        assert response.status_code == 200
        body = response.content.decode()
        if "hx-post" not in body:
            return body
    raise AssertionError("the import never finished")


def test_the_whole_flow_from_upload_to_summary(world, signed_in, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_SIZE", 2)
    client = signed_in(world.coach)
    upload = csv_upload(
        [
            ["Org.nr", "Företag", "Kommun", "Kontaktperson", "E-post", "Kundnr"],
            ["556036-0793", "Lagerbolaget AB", "Kiruna", "Karin Lind", "karin@lager.se", "1"],
            ["556036-0793", "Lagerbolaget AB", "", "Per Ek", "per@lager.se", "2"],
            ["556036-0794", "Felbolaget", "Atlantis", "", "", "3"],
            ["", "Bageriet", "", "", "", "4"],
            ["", "Snickeriet", "", "", "", "5"],
        ]
    )
    response = _upload(client, upload)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _batch_url(batch)

    preview = client.get(_batch_url(batch)).content.decode()
    assert "Import 3 new employers" in preview
    assert "The organisation number 556036-0794 has the wrong check digit." in preview
    assert "“Atlantis” is not a Swedish municipality." in preview
    assert "Same employer as row 2" in preview
    assert "Kundnr" in preview and "Do not import" in preview
    assert not Employer.objects.exists()
    errors_only = client.get(_batch_url(batch), {"status": "error"}).content.decode()
    assert "Felbolaget" in errors_only and "Bageriet" not in errors_only

    response = client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    assert response.status_code == 302
    running = client.get(_batch_url(batch)).content.decode()
    assert 'hx-trigger="load"' in running
    assert "0 of 5 rows" in running
    assert "Continue" in running

    summary = _run_with_htmx(client, batch)
    assert "The import is done" in summary
    assert 'value="5"' in summary
    assert "Felbolaget" in summary
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert (batch.created_count, batch.contacts_count, batch.failed_count) == (3, 2, 1)
    assert sorted(Employer.objects.values_list("name", flat=True)) == [
        "Bageriet",
        "Lagerbolaget AB",
        "Snickeriet",
    ]
    assert "Download the failed rows as CSV" in client.get(_batch_url(batch)).content.decode()

    failed = client.get(_batch_url(batch, "imports:failed_rows"))
    assert failed["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(failed.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Organisation number", "Name"]
    assert rows[1][:3] == ["556036-0794", "Felbolaget", "Atlantis"]
    assert "wrong check digit" in rows[1][-1]

    # The failed rows, corrected, import again.
    rows[1][0] = "212000-0142"
    rows[1][2] = "Kiruna"
    fixed = SimpleUploadedFile(
        "fixed.csv", "\n".join(";".join(row) for row in rows).encode("utf-8-sig")
    )
    _upload(client, fixed)
    again = ImportBatch.objects.order_by("-pk").first()
    assert "Import 1 new employer" in client.get(_batch_url(again)).content.decode()


def test_the_progress_shows_rows_grouped_in_the_interfaces_language(world, signed_in, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_SIZE", 1200)
    client = signed_in(world.coach)
    _upload(client, csv_upload(_employer_rows(1500)))
    batch = ImportBatch.objects.get()
    client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    response = client.post(_batch_url(batch, "imports:step"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "1,200 of 1,500 rows" in body
    assert 'aria-valuetext="1,200 of 1,500 rows"' in body
    assert 'max="1500" value="1200"' in body
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    page = client.get(_batch_url(batch)).content.decode()
    assert "1\xa0200" in page


def test_without_javascript_continue_runs_the_import(world, signed_in, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_SIZE", 2)
    client = signed_in(world.admin)
    _upload(client, csv_upload(_employer_rows(5)))
    batch = ImportBatch.objects.get()
    client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    response = client.post(_batch_url(batch, "imports:step"))
    assert response.status_code == 302
    assert response["Location"] == _batch_url(batch)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert Employer.objects.count() == 5


def test_cancel_from_the_preview_imports_nothing(world, signed_in):
    client = signed_in(world.coach)
    _upload(client, csv_upload(_employer_rows(2)))
    batch = ImportBatch.objects.get()
    response = client.post(_batch_url(batch, "imports:cancel"))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == BatchStatus.CANCELLED
    assert "The import was cancelled" in client.get(_batch_url(batch)).content.decode()
    client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    client.post(_batch_url(batch, "imports:step"))
    assert not Employer.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("lista.xlsx", b"PK\x03\x04 trasig"), "could not be read as an Excel"),
        (SimpleUploadedFile("lista.csv", b""), "The submitted file is empty."),
        (SimpleUploadedFile("lista.csv", b"Telefon;Ort\n1;Kiruna\n"), "No column with the"),
        (SimpleUploadedFile("bild.png", b"\x89PNG"), "Choose an Excel workbook"),
    ],
)
def test_a_broken_file_gives_a_message_not_an_error(world, signed_in, upload, message):
    response = _upload(signed_in(world.coach), upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_the_preview_page_costs_the_same_queries_for_ten_rows_as_for_a_thousand(world, signed_in):
    client = signed_in(world.coach)
    Employer.objects.create(organisation=world.home, name="Företag nummer 3")
    _upload(client, csv_upload(_employer_rows(10)))
    _upload(client, csv_upload(_employer_rows(1000) + _employer_rows(5)[1:]))
    small, large = ImportBatch.objects.order_by("pk")
    counts = []
    for batch in (small, large):
        client.get(_batch_url(batch))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_batch_url(batch)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_scouts_and_viewers_may_not_import_or_export(world, client_for):
    batch = ImportBatch.objects.create(organisation=world.home, file_name="a.csv", file_kind="csv")
    for user in (world.scout, world.viewer):
        client = client_for(user)
        assert client.get(reverse("imports:start")).status_code == 403
        assert client.get(reverse("imports:export")).status_code == 403
        assert client.get(_batch_url(batch)).status_code == 403
        assert client.post(_batch_url(batch, "imports:step")).status_code == 403
    list_page = client_for(world.scout).get(reverse("employers:list")).content.decode()
    assert reverse("imports:export") not in list_page


def test_an_outsider_gets_404_for_another_organisations_import(world, signed_in):
    batch = ImportBatch.objects.create(
        organisation=world.home, file_name="a.csv", file_kind="csv", status=BatchStatus.RUNNING
    )
    client = signed_in(world.outsider)
    for name in ("imports:batch", "imports:failed_rows"):
        assert client.get(_batch_url(batch, name)).status_code == 404
    for name in ("imports:step", "imports:cancel"):
        assert client.post(_batch_url(batch, name)).status_code == 404
    batch.refresh_from_db()
    assert batch.status == BatchStatus.RUNNING
    assert "a.csv" not in client.get(reverse("imports:start")).content.decode()


def _sheets(response) -> dict[str, list[tuple]]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}


def test_the_export_keeps_the_lists_filters_and_speaks_the_interfaces_language(world, signed_in):
    Employer.objects.create(organisation=world.home, name="Kommunen", kind="public_sector")
    Employer.objects.create(organisation=world.home, name='=HYPERLINK("x")', kind="company")
    Employer.objects.create(organisation=world.other, name="Andras bolag", kind="company")
    client = signed_in(world.coach)
    list_page = client.get(reverse("employers:list"), {"kind": "company"}).content.decode()
    assert f"{reverse('imports:export')}?kind=company" in list_page
    response = client.get(reverse("imports:export"), {"kind": "company"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheets = _sheets(response)
    assert list(sheets) == ["Employers", "Contact people"]
    employers = sheets["Employers"]
    assert employers[0][:3] == ("Organisation number", "Name", "Kind of employer")
    assert [row[1] for row in employers[1:]] == ['=HYPERLINK("x")']
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    swedish = _sheets(client.get(reverse("imports:export")))
    assert list(swedish) == ["Arbetsgivare", "Kontaktpersoner"]
    assert swedish["Arbetsgivare"][0][:2] == ("Organisationsnummer", "Namn")
    assert "Offentlig sektor" in {row[2] for row in swedish["Arbetsgivare"]}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_exported_file_imports_again_into_another_organisation(
    world, signed_in, client_for, language
):
    industry = Industry.objects.create(
        concept_id="sni-5610", label="Restaurangverksamhet", code="5610", level=4
    )
    original = Employer.objects.create(
        organisation=world.other,
        name="Bageriet i Kiruna AB",
        organisation_number="5560360793",
        kind="association",
        industry=industry,
        size_band=SizeBand.SMALL,
        street_address="Storgatan 1",
        postal_code="98131",
        city="Kiruna",
        kommun_code="2584",
        stage=Stage.PARTNER,
        notes="Bakar tidigt",
    )
    for name in ("Karin Lind", "Per Ek"):
        ContactPerson.objects.create(
            organisation=world.other, employer=original, name=name, email="a@b.se"
        )
    sole_trader = Employer.objects.create(
        organisation=world.other, name="Hassans Städ", organisation_number="198112189876"
    )
    ContactPerson.objects.create(organisation=world.other, employer=sole_trader, name="Hassan")
    exporter = signed_in(world.outsider)
    exporter.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    exported = exporter.get(reverse("imports:export")).content
    assert b"9876" not in exported

    client = signed_in(world.coach)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    _upload(client, SimpleUploadedFile("export.xlsx", exported))
    batch = ImportBatch.objects.get()
    assert list(batch.rows.values_list("status", flat=True).order_by("index")) == [
        "new",
        "new",
        "in_file",
        "in_file",
        "in_file",
    ]
    client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    _run_with_htmx(client, batch)
    copy = Employer.objects.get(organisation=world.home, organisation_number="5560360793")
    fields = ("name", "kind", "industry", "size_band", "street_address", "postal_code", "city")
    fields += ("kommun_code", "stage", "notes")
    assert [getattr(copy, f) for f in fields] == [getattr(original, f) for f in fields]
    assert sorted(copy.contacts.values_list("name", "email")) == [
        ("Karin Lind", "a@b.se"),
        ("Per Ek", "a@b.se"),
    ]
    städ = Employer.objects.get(organisation=world.home, name="Hassans Städ")
    assert städ.organisation_number == ""
    assert list(städ.contacts.values_list("name", flat=True)) == ["Hassan"]

    # The same file again, updating: everything is already there.
    _upload(client, SimpleUploadedFile("export.xlsx", exported))
    again = ImportBatch.objects.order_by("-pk").first()
    assert set(again.rows.values_list("status", flat=True)) == {"existing", "in_file"}
    client.post(_batch_url(again), {"duplicate_policy": "update"})
    _run_with_htmx(client, again)
    again.refresh_from_db()
    assert (again.created_count, again.contacts_count) == (0, 0)
    assert ContactPerson.objects.filter(organisation=world.home).count() == 3


def test_a_workbook_with_a_title_above_its_header_row_imports(world, signed_in):
    upload = xlsx_upload(
        {"Blad1": [["Våra arbetsgivare 2024"], [], ["Företag", "Org.nr"], ["Bageriet", 5560360793]]}
    )
    response = _upload(signed_in(world.admin), upload)
    assert response.status_code == 302
    row = ImportBatch.objects.get().rows.get()
    assert (row.line, row.data["name"], row.status) == (4, "Bageriet", "new")


def test_an_unknown_industry_is_a_warning_and_every_row_is_kept(world, signed_in):
    client = signed_in(world.coach)
    _upload(
        client,
        csv_upload(
            [
                ["Företag", "Bransch", "Ort"],
                ["Hotell Kusten AB", "Hotell", "Visby"],
                ["Vandrarhemmet", "Hotell", "Slite"],
            ]
        ),
    )
    batch = ImportBatch.objects.get()
    preview = client.get(_batch_url(batch)).content.decode()
    assert "Import 2 new employers" in preview
    assert "No industry (SNI) has the code or name “Hotell”. The field is left empty." in preview
    assert set(batch.rows.values_list("status", flat=True)) == {"new"}


def test_the_columns_can_be_mapped_again_or_ignored_before_the_import(world, signed_in):
    client = signed_in(world.coach)
    _upload(
        client,
        csv_upload(
            [
                ["Företag", "Bransch", "Info"],
                ["Hotell Kusten AB", "Hotell", "Ring efter tio"],
                ["Vandrarhemmet", "Hotell", ""],
            ]
        ),
    )
    batch = ImportBatch.objects.get()
    row_ids = list(batch.rows.order_by("index").values_list("pk", flat=True))
    page = client.get(_batch_url(batch)).content.decode()
    assert '<label for="id_columns-sheet0_column2">Info</label>' in page
    assert '<option value="industry" selected>' in page

    columns = {
        "columns-sheet0_column0": "name",
        "columns-sheet0_column1": "",
        "columns-sheet0_column2": "notes",
    }
    response = client.post(_batch_url(batch, "imports:columns"), columns)
    assert response.status_code == 302
    rows = list(batch.rows.order_by("index"))
    assert [row.pk for row in rows] == row_ids
    assert rows[0].data == {"name": "Hotell Kusten AB", "notes": "Ring efter tio"}
    assert rows[0].messages == []
    batch.refresh_from_db()
    assert batch.sheets[0]["mapping"] == {"name": 0, "notes": 2}

    client.post(_batch_url(batch), {"duplicate_policy": "skip"})
    _run_with_htmx(client, batch)
    employer = Employer.objects.get(name="Hotell Kusten AB")
    assert (employer.notes, employer.industry) == ("Ring efter tio", None)


def test_a_field_chosen_twice_or_no_name_is_refused_at_the_field_and_changes_nothing(
    world, signed_in
):
    client = signed_in(world.coach)
    _upload(client, csv_upload([["Företag", "Ort", "Info"], ["Bageriet", "Kiruna", "x"]]))
    batch = ImportBatch.objects.get()
    twice = {
        "columns-sheet0_column0": "name",
        "columns-sheet0_column1": "city",
        "columns-sheet0_column2": "city",
    }
    response = client.post(_batch_url(batch, "imports:columns"), twice)
    assert response.status_code == 200
    form = response.context["columns_form"]
    assert form.errors["sheet0_column2"] == ["“City” is already read from the column “Ort”."]
    body = response.content.decode()
    assert 'class="error-summary"' in body and '<details class="card" open>' in body
    assert '<option value="city" selected>' in body
    no_name = client.post(_batch_url(batch, "imports:columns"), {"columns-sheet0_column1": "city"})
    assert "Choose the column with the employer&#x27;s name." in no_name.content.decode()
    batch.refresh_from_db()
    assert batch.sheets[0]["mapping"] == {"name": 0, "city": 1}
    assert batch.rows.get().data == {"name": "Bageriet", "city": "Kiruna"}


def test_no_import_is_offered_when_nothing_would_be_imported(world, signed_in):
    client = signed_in(world.coach)
    _upload(client, csv_upload([["Org.nr", "Företag"], ["556036-0794", "Felbolaget"]]))
    batch = ImportBatch.objects.get()
    preview = client.get(_batch_url(batch)).content.decode()
    assert "Import 0" not in preview
    assert 'name="duplicate_policy"' not in preview
    assert "Nothing can be imported: every row has an error." in preview

    Employer.objects.create(organisation=world.home, name="Bageriet")
    _upload(client, csv_upload([["Företag"], ["Bageriet"]]))
    registered = ImportBatch.objects.order_by("-pk").first()
    preview = client.get(_batch_url(registered)).content.decode()
    assert "Import 0" not in preview
    assert "Start the import" in preview and "The file has no new employers" in preview
