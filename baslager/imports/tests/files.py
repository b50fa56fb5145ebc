"""Spreadsheets made in the tests, the way organisations keep them."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile


def xlsx_upload(sheets: dict[str, list[list]], name: str = "arbetsgivare.xlsx"):
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue())


def csv_upload(rows: list[list[str]], delimiter=";", encoding="utf-8-sig", name="lista.csv"):
    text = "\r\n".join(delimiter.join(cells) for cells in rows) + "\r\n"
    return SimpleUploadedFile(name, text.encode(encoding))
