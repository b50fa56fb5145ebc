import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from baslager.imports import reading
from baslager.imports.columns import recognise
from baslager.imports.reading import read_upload

from .files import csv_upload, xlsx_upload


def test_it_recognises_swedish_and_english_headers_whatever_their_case_and_punctuation():
    headers = [
        "Org.nr",
        "FÖRETAGSNAMN",
        "SNI-kod",
        "Antal anställda",
        "Gatuadress",
        "Postnr",
        "Postort",
        "Kommun",
        "Kontakt person",
        "Titel",
        "Mobil",
        "E-post",
        "Anteckningar",
        "Kundnummer",
    ]
    assert recognise(headers) == {
        "organisation_number": 0,
        "name": 1,
        "industry": 2,
        "size_band": 3,
        "street_address": 4,
        "postal_code": 5,
        "city": 6,
        "kommun": 7,
        "contact_name": 8,
        "contact_role": 9,
        "contact_phone": 10,
        "contact_email": 11,
        "notes": 12,
    }
    english = recognise(["Company", "Organisation number", "Phone", "Email", "Size", "Kind"])
    assert english == {
        "name": 0,
        "organisation_number": 1,
        "contact_phone": 2,
        "contact_email": 3,
        "size_band": 4,
        "kind": 5,
    }


def test_the_first_column_for_a_field_wins():
    assert recognise(["Namn", "Företag", "SNI-kod", "Bransch"]) == {"name": 0, "industry": 2}


def test_it_reads_a_workbook_from_its_first_non_empty_row_with_numbers_as_text():
    upload = xlsx_upload(
        {
            "Företag": [
                [],
                ["Företag", "Org.nr", "Kommun", "Okänd kolumn"],
                ["Bageriet AB", 5560360793, 180, "x"],
                [None, None, None, "bara i en okänd kolumn"],
                [],
                ["Kommunen", None, "Uppsala", None],
            ],
            "Instruktioner": [["Fyll i en rad per arbetsgivare"]],
        }
    )
    table = read_upload(upload)
    assert table.kind == "xlsx"
    assert table.ignored_sheets == ["Instruktioner"]
    [sheet] = table.sheets
    assert sheet.headers == ["Företag", "Org.nr", "Kommun", "Okänd kolumn"]
    assert sheet.rows == [
        (3, {"name": "Bageriet AB", "organisation_number": "5560360793", "kommun": "180"}),
        (6, {"name": "Kommunen", "organisation_number": "", "kommun": "Uppsala"}),
    ]


def test_it_reads_every_sheet_that_names_the_employer():
    upload = xlsx_upload(
        {
            "Stockholm": [["Arbetsgivare"], ["Bageriet"]],
            "Uppsala": [["Namn", "Telefon"], ["Snickeriet", "018-123 45"]],
        }
    )
    table = read_upload(upload)
    assert [sheet.name for sheet in table.sheets] == ["Stockholm", "Uppsala"]
    assert table.row_count == 2


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8-sig"), (",", "utf-8"), ("\t", "utf-8"), (";", "cp1252")],
)
def test_it_reads_csv_with_any_usual_delimiter_and_encoding(delimiter, encoding):
    upload = csv_upload(
        [["Företag", "Ort", "Kontaktperson"], ["Åkeriet i Mölndal", "Mölndal", "Örjan Ek"]],
        delimiter=delimiter,
        encoding=encoding,
    )
    table = read_upload(upload)
    assert table.sheets[0].rows == [
        (2, {"name": "Åkeriet i Mölndal", "city": "Mölndal", "contact_name": "Örjan Ek"})
    ]


def test_it_keeps_quoted_delimiters_inside_a_cell():
    upload = SimpleUploadedFile("a.csv", 'Namn;Anteckningar\n"Bageriet";"Öppet 6;00–14"\n'.encode())
    assert read_upload(upload).sheets[0].rows[0][1]["notes"] == "Öppet 6;00–14"


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("lista.xlsx", b"this is no workbook"), "could not be read as an Excel"),
        (SimpleUploadedFile("lista.csv", b""), "The file is empty."),
        (SimpleUploadedFile("lista.csv", b"\x89PNG\r\n\x1a\n\x00\x00"), "is not a CSV file"),
        (SimpleUploadedFile("lista.xls", b"\xd0\xcf\x11\xe0"), "Save the file as an Excel"),
        (SimpleUploadedFile("lista.pdf", b"%PDF-1.4"), "Choose an Excel workbook"),
        (SimpleUploadedFile("lista.csv", b"Telefon;Ort\n08-1;Kiruna\n"), "No column with the"),
        (SimpleUploadedFile("lista.csv", b"Namn;Ort\n"), "no rows"),
    ],
)
def test_it_refuses_what_it_cannot_read_with_a_message(upload, message):
    with pytest.raises(ValidationError) as caught:
        read_upload(upload)
    assert message in " ".join(caught.value.messages)


def test_it_refuses_more_rows_than_allowed(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    rows = [["Namn"]] + [[f"Företag {n}"] for n in range(4)]
    with pytest.raises(ValidationError, match="more than 3 rows"):
        read_upload(csv_upload(rows))
    with pytest.raises(ValidationError, match="more than 3 rows"):
        read_upload(xlsx_upload({"Blad1": rows}))


def test_it_refuses_a_file_larger_than_allowed(monkeypatch):
    monkeypatch.setattr(reading, "MAX_FILE_SIZE", 10)
    with pytest.raises(ValidationError, match="larger than"):
        read_upload(csv_upload([["Namn"], ["Bageriet i Kiruna"]]))
