"""Figures and dates in the page's language: a decimal comma and Swedish month names in Swedish,
dates nobody can misread in English."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from baslager.core.charts import number

THURSDAY = datetime(2026, 10, 29, 14, 5)
PAGE = Template(
    '{% load baslager_formats %}{{ day|local_date:"DAY_FORMAT" }} | '
    '{{ day|local_date:"DAY_TIME_FORMAT" }} | {{ day|date:"SHORT_DATE_FORMAT" }} | '
    '{{ day|date:"DATE_FORMAT" }} | {{ share|floatformat:1 }}'
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "tors 29 okt | tors 29 okt, 14:05 | 2026-10-29 | 29 oktober 2026 | 37,5"),
        ("en", "Thu 29 Oct | Thu 29 Oct, 14:05 | 2026-10-29 | 29 October 2026 | 37.5"),
    ],
)
def test_dates_and_figures_in_the_pages_language(language, expected):
    with translation.override(language):
        assert PAGE.render(Context({"day": THURSDAY, "share": 37.5})) == expected


@pytest.mark.parametrize(
    ("language", "share", "whole"), [("sv", "37,5 %", "-90 %"), ("en", "37.5 %", "-90 %")]
)
def test_chart_figures_in_the_pages_language(language, share, whole):
    with translation.override(language):
        assert number(Decimal("37.5"), " %") == share
        assert number(Decimal("-90.0"), " %") == whole
        assert number(None) == "–"


def test_english_short_dates_are_iso_not_month_first():
    with translation.override("en"):
        assert (
            Template('{{ day|date:"SHORT_DATE_FORMAT" }}').render(
                Context({"day": date(2026, 3, 4)})
            )
            == "2026-03-04"
        )


SHORT_DAYS = Template(
    '{% load baslager_formats %}{{ day|local_date:"SHORT_DAY_FORMAT" }} | '
    '{{ day|local_date:"SHORT_DAY_YEAR_FORMAT" }} | {{ day|local_date:"SHORT_DAY_TIME_FORMAT" }}'
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "29 okt | 29 okt 2026 | 29 okt, 14:05"),
        ("en", "29 Oct | 29 Oct 2026 | 29 Oct, 14:05"),
    ],
)
def test_day_and_month_in_the_pages_language(language, expected):
    with translation.override(language):
        assert SHORT_DAYS.render(Context({"day": THURSDAY})) == expected


def test_no_template_capitalises_a_swedish_month_with_djangos_M():
    """Django's "M" writes "Okt" and "Dec" in Swedish; day and month go through local_date."""
    from pathlib import Path

    from django.conf import settings

    offending = [
        f"{path.relative_to(settings.BASE_DIR)}: {match}"
        for path in Path(settings.BASE_DIR, "baslager").rglob("*.html")
        for match in re.findall(r'\|date:"([^"]*)"', path.read_text())
        if not re.fullmatch(r"[A-Z_]+", match) and re.search(r"(?<!\\)M", match)
    ]
    assert offending == []
