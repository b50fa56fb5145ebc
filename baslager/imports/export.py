"""The employer list as an Excel workbook: one sheet of employers, one of their contact people.

The headers are the ones the importer recognises, in the interface's language, so an exported
file can be edited and imported again. A sole trader's personal identity number is written with
its last four digits hidden, as on the pages.
"""

import io

from django.utils.text import capfirst
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from baslager.employers.models import ContactPerson, Employer

from .columns import extra_export_labels, field_labels

EMPLOYER_COLUMNS = (
    "organisation_number",
    "name",
    "kind",
    "industry_code",
    "industry",
    "size_band",
    "street_address",
    "postal_code",
    "city",
    "kommun",
    "stage",
    "owner",
    "notes",
)


def _employer_cells(employer: Employer) -> list:
    industry = employer.industry
    return [
        employer.organisation_number_display,
        employer.name,
        employer.get_kind_display(),
        industry.display_code if industry else "",
        industry.label if industry else "",
        employer.get_size_band_display(),
        employer.street_address,
        employer.postal_code,
        employer.city,
        employer.kommun_name,
        employer.get_stage_display(),
        str(employer.owner) if employer.owner else "",
        employer.notes,
    ]


def _contact_cells(contact: ContactPerson) -> list:
    return [
        contact.employer.organisation_number_display,
        contact.employer.name,
        contact.name,
        contact.role,
        contact.phone,
        contact.email,
    ]


def _safe(sheet, values: list) -> list:
    """Text starting with "=" stays text: a name typed as a formula must not run in Excel."""
    cells = []
    for value in values:
        if isinstance(value, str) and value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            value = cell
        cells.append(value)
    return cells


def employers_workbook(*, employers, contacts) -> bytes:
    """``employers`` and ``contacts`` are iterables, read once each, in a write-only workbook
    that never holds more than one row in memory."""
    labels = {**field_labels(), "industry_code": extra_export_labels()["industry"]}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(capfirst(Employer._meta.verbose_name_plural))[:31])
    sheet.append([str(labels[column]) for column in EMPLOYER_COLUMNS])
    for employer in employers:
        sheet.append(_safe(sheet, _employer_cells(employer)))
    sheet = workbook.create_sheet(title=str(capfirst(ContactPerson._meta.verbose_name_plural))[:31])
    sheet.append(
        [
            str(labels["organisation_number"]),
            str(extra_export_labels()["name"]),
            *(str(labels[f"contact_{name}"]) for name in ("name", "role", "phone", "email")),
        ]
    )
    for contact in contacts:
        sheet.append(_safe(sheet, _contact_cells(contact)))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
