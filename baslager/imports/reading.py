"""Rows of text from an uploaded Excel workbook or CSV file, by field.

Every sheet with a header row that names the employer is read, so a file
kept as one sheet per municipality, or our own export with its contacts sheet, comes in whole.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

import openpyxl
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .columns import recognise
from .models import FileKind

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 20_000
# Columns beyond this are never fields of ours; reading them would only cost time.
MAX_COLUMNS = 60
CSV_DELIMITERS = (";", ",", "\t")
# The header row is the first non-empty row that names the employer, among this many: a title
# or a date above the table is common in lists kept by hand.
HEADER_SEARCH_ROWS = 5


@dataclass
class Sheet:
    name: str
    headers: list[str]
    mapping: dict[str, int]
    # (row number in the file, {field: text}) for each row with something in a known column.
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    # The same rows' cells under the headers, so that the columns can be mapped again later.
    cells: list[list[str]] = field(default_factory=list)


@dataclass
class Table:
    kind: str
    sheets: list[Sheet]
    # Sheets with content but without a column naming the employer.
    ignored_sheets: list[str]

    @property
    def row_count(self) -> int:
        return sum(len(sheet.rows) for sheet in self.sheets)


def file_kind(name: str) -> str:
    suffix = PurePath(name).suffix.casefold()
    if suffix == ".xlsx":
        return FileKind.XLSX
    if suffix in (".csv", ".txt"):
        return FileKind.CSV
    if suffix in (".xls", ".ods", ".numbers"):
        raise ValidationError(
            _("Save the file as an Excel workbook (.xlsx) or as CSV first, then upload it again."),
            code="format",
        )
    raise ValidationError(
        _("Choose an Excel workbook (.xlsx) or a CSV file (.csv)."), code="format"
    )


def read_upload(upload) -> Table:
    """The rows of ``upload`` (a Django UploadedFile). Raises ValidationError, with a message for
    the person who chose the file, for anything that is not a readable table of employers."""
    kind = file_kind(upload.name)
    if upload.size > MAX_FILE_SIZE:
        raise ValidationError(
            _("The file is larger than %(size)s MB. Split it into smaller files."),
            code="size",
            params={"size": MAX_FILE_SIZE // (1024 * 1024)},
        )
    content = upload.read()
    if not content.strip():
        raise ValidationError(_("The file is empty."), code="empty")
    grids = _xlsx_grids(content) if kind == FileKind.XLSX else [("", _csv_grid(content))]
    return _table(kind, grids)


def _table(kind: str, grids) -> Table:
    sheets, ignored, count = [], [], 0
    for name, grid in grids:
        sheet, tried = None, 0
        for line, cells in grid:
            if sheet is None:
                if not any(cells):
                    continue
                headers = _trimmed(cells)
                mapping = recognise(headers)
                if "name" in mapping:
                    sheet = Sheet(name=name, headers=headers, mapping=mapping)
                    continue
                tried += 1
                if tried == HEADER_SEARCH_ROWS:
                    break
                continue
            values = {
                key: cells[index] if index < len(cells) else ""
                for key, index in sheet.mapping.items()
            }
            if not any(values.values()):
                continue
            count += 1
            if count > MAX_ROWS:
                raise _too_many_rows()
            sheet.rows.append((line, values))
            sheet.cells.append(list(cells[: len(sheet.headers)]))
        if sheet is None:
            ignored.append(name)
        else:
            sheets.append(sheet)
    if not sheets:
        raise ValidationError(
            _(
                "No column with the employer's name was found. The first row must name the "
                "columns, for example Företag, Organisationsnummer, Kontaktperson, Telefon."
            ),
            code="no_name",
        )
    if not any(sheet.rows for sheet in sheets):
        raise ValidationError(_("The file has column names but no rows."), code="no_rows")
    return Table(kind=kind, sheets=sheets, ignored_sheets=ignored)


def _trimmed(cells: list[str]) -> list[str]:
    """Without the empty cells at the end of the row."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _too_many_rows() -> ValidationError:
    return ValidationError(
        _("The file has more than %(count)s rows. Split it into smaller files."),
        code="rows",
        params={"count": MAX_ROWS},
    )


def cell_text(value) -> str:
    """A cell as the text a person sees: 5560360793.0 is "5560360793", a date its ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def _xlsx_grids(content: bytes):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _unreadable_workbook() from exc
    try:
        return [(sheet.title, _sheet_grid(sheet)) for sheet in workbook.worksheets]
    except ValidationError:
        raise
    # A damaged workbook can fail anywhere inside openpyxl's parsing; all of it means one thing
    # to the person uploading.
    except Exception as exc:
        raise _unreadable_workbook() from exc
    finally:
        workbook.close()


def _sheet_grid(sheet) -> list[tuple[int, list[str]]]:
    # Files from other programs often record a wrong used range; read what is really there.
    sheet.reset_dimensions()
    grid = []
    for row in sheet.iter_rows(max_col=MAX_COLUMNS):
        cells = [cell_text(getattr(cell, "value", None)) for cell in row]
        line = next((cell.row for cell in row if getattr(cell, "row", None)), None)
        if line is not None and any(cells):
            grid.append((line, cells))
        if len(grid) > MAX_ROWS + 1:
            raise _too_many_rows()
    return grid


def _unreadable_workbook() -> ValidationError:
    return ValidationError(
        _("The file could not be read as an Excel workbook. Is it damaged or protected?"),
        code="unreadable",
    )


def _csv_grid(content: bytes) -> list[tuple[int, list[str]]]:
    if b"\x00" in content:
        raise ValidationError(
            _("The file is not a CSV file. Save it as CSV or as an Excel workbook (.xlsx)."),
            code="binary",
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            # What Excel on Windows writes when it saves "CSV (semicolon separated)".
            text = content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                _("The file's characters could not be read. Save it as CSV UTF-8 and try again."),
                code="encoding",
            ) from exc
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    try:
        return [
            (line, [cell_text(cell) for cell in cells[:MAX_COLUMNS]])
            for line, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)
            if any(cell.strip() for cell in cells)
        ]
    except csv.Error as exc:
        raise ValidationError(
            _("The CSV file could not be read: %(problem)s"),
            code="csv",
            params={"problem": str(exc)},
        ) from exc
