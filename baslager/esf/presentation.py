"""The report's figures for the page, the PDF and the Excel export: rows as the member may see
them (counts under five suppressed for all but administrators, and a count beside a suppressed
one where it could be worked out from the total), a chart of the result indicators
by gender, and the same rows as a workbook."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from baslager.core.charts import Chart, bar_chart
from baslager.organisations.access import SuppressedCells, suppress_cells

from .indicators import GENDERS, Counts, IndicatorResult
from .records import Gender

SUPPRESSED = "<5"


def gender_labels() -> dict[str, str]:
    return {
        Gender.WOMAN: _("Women"),
        Gender.MAN: _("Men"),
        Gender.NON_BINARY: _("Non-binary"),
    }


def report_row(result: IndicatorResult, exact: bool) -> dict:
    """One indicator's counts by gender and in total; ``None`` for a hidden count. Cells are
    (gender, count, hidden only so that a small count beside it cannot be worked out)."""
    genders = [*GENDERS, Gender.UNKNOWN]

    def line(counts: Counts) -> tuple[list, int | None]:
        values = [counts[gender] for gender in genders]
        shown = (
            SuppressedCells(values, counts.total) if exact else suppress_cells(values, counts.total)
        )
        cells = [
            (gender.value, shown.cells[i], i in shown.complementary)
            for i, gender in enumerate(genders)
        ]
        return cells, shown.total

    cells, total = line(result.counts)
    _unknown, unknown, unknown_complementary = cells.pop()
    refused = None
    if result.refused is not None:
        refused_cells, refused_total = line(result.refused)
        refused = refused_cells[:-1] + [("", refused_total, False)]
    return {
        "indicator": result.indicator,
        "cells": cells,
        "unknown": unknown,
        "unknown_complementary": unknown_complementary,
        "total": total,
        "refused": refused,
    }


def result_charts(rows: list[dict]) -> list[Chart]:
    """The result indicators, one small bar chart per gender; a suppressed count has no bar."""
    codes = [row["indicator"].code for row in rows]
    labels = gender_labels()
    return [
        bar_chart(
            title=_("Result indicators: %(gender)s") % {"gender": labels[gender]},
            labels=codes,
            values=[_count_of(row, gender) for row in rows],
            value_label=_("Participants"),
            description=_(
                "Participants counted in each result indicator; counts under five are not shown."
            ),
        )
        for gender in GENDERS
    ]


def _count_of(row: dict, gender: Gender) -> int | None:
    return next(count for value, count, _hidden in row["cells"] if value == gender.value)


def _cell(count: int | None, complementary: bool = False) -> int | str:
    if complementary:
        return _("hidden")
    return SUPPRESSED if count is None else count


def as_workbook(*, project, starts_on, ends_on, rows: list[dict]) -> bytes:
    """One sheet: every indicator (and its refusals) × women, men, non-binary, gender not
    recorded and total, so that the columns add up to the total as they do on the page."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("ESF+ indicators")[:31]
    sheet.append([project.name, f"{starts_on:%Y-%m-%d} – {ends_on:%Y-%m-%d}"])
    sheet.append(
        [_("Code"), _("Indicator"), *gender_labels().values(), _("Gender not recorded"), _("Total")]
    )
    for row in rows:
        code = row["indicator"].code
        sheet.append(
            [
                code,
                str(row["indicator"].label),
                *(_cell(count, hidden) for _gender, count, hidden in row["cells"]),
                _cell(row["unknown"], row["unknown_complementary"]),
                _cell(row["total"]),
            ]
        )
        if row["refused"]:
            *by_gender, total = [_cell(count, hidden) for _gender, count, hidden in row["refused"]]
            # Refusals are counted among complete records only: no one without a gender.
            sheet.append([code, _("Declined to answer"), *by_gender, 0, total])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
