"""The report's figures for the page, the PDF and the Excel export: rows as the member may see
them (counts under five suppressed for all but administrators), a chart of the result indicators
by gender, and the same rows as a workbook."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from baslager.core.charts import Chart, bar_chart
from baslager.organisations.access import suppress_small

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
    """One indicator's counts by gender and in total; ``None`` for a suppressed count."""

    def shown(count: int):
        return count if exact else suppress_small(count)

    def cells(counts: Counts) -> list:
        return [(gender.value, shown(counts[gender])) for gender in GENDERS]

    refused = result.refused
    return {
        "indicator": result.indicator,
        "cells": cells(result.counts),
        "unknown": shown(result.counts[Gender.UNKNOWN]),
        "total": shown(result.counts.total),
        "refused": None if refused is None else cells(refused) + [("", shown(refused.total))],
    }


def result_charts(rows: list[dict]) -> list[Chart]:
    """The result indicators, one small bar chart per gender; a suppressed count has no bar."""
    codes = [row["indicator"].code for row in rows]
    labels = gender_labels()
    return [
        bar_chart(
            title=_("Result indicators: %(gender)s") % {"gender": labels[gender]},
            labels=codes,
            values=[dict(row["cells"])[gender.value] for row in rows],
            value_label=_("Participants"),
            description=_(
                "Participants counted in each result indicator; counts under five are not shown."
            ),
        )
        for gender in GENDERS
    ]


def _cell(count: int | None) -> int | str:
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
        counts = [count for _gender, count in row["cells"]]
        sheet.append(
            [
                code,
                str(row["indicator"].label),
                *map(_cell, counts),
                _cell(row["unknown"]),
                _cell(row["total"]),
            ]
        )
        if row["refused"]:
            *by_gender, total = [_cell(count) for _gender, count in row["refused"]]
            # Refusals are counted among complete records only: no one without a gender.
            sheet.append([code, _("Declined to answer"), *by_gender, 0, total])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
