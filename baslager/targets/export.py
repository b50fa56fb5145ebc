"""The dashboard as an Excel workbook: the targets with today's actuals by gender, and the
monthly series. Suppressed cells read "<5", and those hidden beside them "hidden", as on the
page."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from .actuals import GENDER_COLUMNS
from .models import TargetKind
from .presentation import gender_label
from .selectors import Figure, TargetStatus

SUPPRESSED = "<5"


def _cell(count: int | None) -> int | str:
    return SUPPRESSED if count is None else count


def _value(figure: Figure):
    if figure.complementary:
        return _("hidden")
    if figure.suppressed:
        return SUPPRESSED
    return "" if figure.value is None else float(figure.value)


def as_workbook(*, project, statuses: list[TargetStatus]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Targets")[:31]
    genders = GENDER_COLUMNS
    header = [_("Target"), _("Target value"), _("Baseline"), _("Actual"), _("Progress (%)")]
    for column in genders:
        label = gender_label(column)
        header += [label, _("%(gender)s, out of") % {"gender": label}]
    header += [_("Counted"), _("Out of")]
    sheet.append([project.name])
    sheet.append(header)
    for status in statuses:
        row = [
            status.target.get_kind_display(),
            float(status.target.value),
            status.target.baseline or "",
            _value(status.now.total),
            "" if status.progress is None else status.progress,
        ]
        by_gender = dict(status.now.by_gender)
        for column in genders:
            figure = by_gender.get(column)
            if figure is None:
                row += ["", ""]
            elif figure.complementary:
                row += [_("hidden"), _("hidden") if status.kind in TargetKind.shares() else ""]
            else:
                row += [_value(figure), "" if figure.out_of is None else _cell(figure.out_of)]
        row += [
            _cell(status.now.total.counted),
            "" if status.now.total.out_of is None else _cell(status.now.total.out_of),
        ]
        sheet.append(row)
    monthly = workbook.create_sheet(_("By month")[:31])
    monthly.append([_("Month"), _("Target"), _("Actual"), *map(gender_label, genders)])
    for status in statuses:
        for day, reading in status.months:
            by_gender = dict(reading.by_gender)
            monthly.append(
                [
                    day.strftime("%Y-%m"),
                    status.target.get_kind_display(),
                    _value(reading.total),
                    *(
                        _value(by_gender[column]) if column in by_gender else ""
                        for column in genders
                    ),
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
