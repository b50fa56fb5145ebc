"""How targets and their actuals read on the page, in the PDF and in Excel, and their charts."""

from django.utils.translation import gettext as _

from baslager.core.charts import Chart, Series, bar_chart, line_chart, number

from .actuals import MEN, WOMEN
from .models import ProjectTarget, TargetKind
from .selectors import Figure, TargetStatus


def gender_label(column: str) -> str:
    return {WOMEN: _("Women"), MEN: _("Men")}.get(column, _("Other or not stated"))


def unit_of(kind: str) -> str:
    return " %" if TargetKind(kind).in_per_cent else ""


def target_text(target: ProjectTarget) -> str:
    text = number(target.value, unit_of(target.kind))
    if target.kind == TargetKind.INTERNSHIP_PLACES:
        return f"+{text}"
    if target.kind == TargetKind.NORM_BREAKING:
        return f"≥ {text}"
    return text


def value_text(kind: str, figure: Figure) -> str | None:
    """The figure's value as shown; None when suppressed (the template shows "<5")."""
    if figure.suppressed:
        return None
    text = number(figure.value, unit_of(kind))
    if kind == TargetKind.INTERNSHIP_PLACES and figure.value is not None and figure.value >= 0:
        return f"+{text}"
    return text


def trend_chart(status: TargetStatus) -> Chart:
    """The actual at each month's end, for everyone and by gender, against the target line."""
    kind = status.kind
    series = [Series(_("Everyone"), [reading.total.value for _day, reading in status.months])]
    columns = [column for column, _figure in status.now.by_gender]
    # Increase against a baseline is a figure for the whole project only.
    if kind != TargetKind.INTERNSHIP_PLACES:
        for column in columns:
            series.append(
                Series(
                    gender_label(column),
                    [dict(reading.by_gender)[column].value for _day, reading in status.months],
                )
            )
    return line_chart(
        title=_("%(target)s, month by month") % {"target": status.target.get_kind_display()},
        x_labels=[day.strftime("%Y-%m") for day, _reading in status.months],
        series=series,
        target=status.target.value,
        target_label=_("Target %(value)s") % {"value": target_text(status.target)},
        unit=unit_of(kind),
    )


def gender_chart(status: TargetStatus) -> Chart | None:
    """Today's actual by gender (counts for internship places), or None for tasks."""
    if not status.now.by_gender:
        return None
    places = status.kind == TargetKind.INTERNSHIP_PLACES
    figures = status.now.by_gender
    return bar_chart(
        title=_("%(target)s, by gender") % {"target": status.target.get_kind_display()},
        labels=[gender_label(column) for column, _figure in figures],
        values=[figure.counted if places else figure.value for _column, figure in figures],
        target=status.target.value if status.kind in TargetKind.shares() else None,
        target_label=_("Target %(value)s") % {"value": target_text(status.target)},
        unit="" if places else unit_of(status.kind),
        value_label=_("Places") if places else _("Actual"),
    )
