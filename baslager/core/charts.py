"""Charts drawn on the server as inline SVG: no JavaScript, the same in the page and the PDF.

``line_chart`` (values over time, gaps where a value is missing or suppressed) and ``bar_chart``
(one value per label) return a ``Chart``: its ``svg`` has role="img" with a <title> and <desc>,
and its ``columns``/``rows`` are the same figures as a table, which
``core/_chart.html`` shows under the chart for screen readers and anyone who wants the numbers:

    {% include "core/_chart.html" with chart=card.chart %}

Each series is told apart by colour and by dash pattern and marker shape as well, so the chart
also reads in black and white.
"""

import math
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 34, 40
MAX_X_LABELS = 7
# (colour, dash pattern, marker) per series, in order.
STYLES = (
    ("#1b6f78", "", "circle"),
    ("#b5462f", "6 3", "square"),
    ("#5a4fa0", "2 3", "diamond"),
    ("#7a6a00", "10 3 2 3", "circle"),
)
TARGET_COLOUR = "#555"


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[Number | None]


@dataclass(frozen=True)
class Chart:
    svg: SafeString
    title: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]


def _svg(template: str, *args) -> str:
    """``format_html`` with coordinates rounded to one decimal."""
    return format_html(template, *(f"{a:.1f}" if isinstance(a, float) else a for a in args))


def number(value: Number | None, unit: str = "") -> str:
    """A figure as the chart and its table show it, in the page's language: whole numbers plain,
    others as they are ("37,5 %" in Swedish, "37.5 %" in English)."""
    if value is None:
        return "–"
    value = Decimal(str(value))
    whole = value == value.to_integral_value()
    return f"{number_format(value, 0 if whole else None)}{unit}"


@dataclass(frozen=True)
class Scale:
    bottom: float
    top: float
    step: float


def _axis(highest: float, lowest: float = 0) -> Scale:
    """Round ends for the y axis around ``lowest`` (zero or below) … ``highest``, and the step
    between its grid lines: 1, 2 or 5 times a power of ten, about four steps."""
    span = highest - lowest
    if span <= 0:
        return Scale(min(lowest, 0), min(lowest, 0) + 1, 0.25)
    rough = span / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(f * power for f in (1, 2, 5, 10) if f * power >= rough)
    return Scale(step * math.floor(lowest / step), step * math.ceil(highest / step), step)


def _frame(title: str, description: str, scale: Scale, unit: str) -> list[str]:
    ident = f"chart-{secrets.token_hex(4)}"
    parts = [
        _svg(
            '<svg class="chart" role="img" aria-labelledby="{0}-title {0}-desc" '
            'viewBox="0 0 {1} {2}" width="{1}" height="{2}" xmlns="http://www.w3.org/2000/svg" '
            'font-family="sans-serif" font-size="11">'
            '<title id="{0}-title">{3}</title><desc id="{0}-desc">{4}</desc>',
            ident,
            WIDTH,
            HEIGHT,
            title,
            description,
        )
    ]
    for i in range(round((scale.top - scale.bottom) / scale.step) + 1):
        value = scale.bottom + scale.step * i
        y = _y(value, scale)
        parts.append(
            _svg(
                '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="#ddd"/>'
                '<text x="{3}" y="{4}" text-anchor="end" fill="#333">{5}</text>',
                LEFT,
                WIDTH - RIGHT,
                y,
                LEFT - 6,
                y + 4,
                number(value, unit),
            )
        )
    return parts


def _y(value: float, scale: Scale) -> float:
    share = (float(value) - scale.bottom) / (scale.top - scale.bottom)
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - share)


def _x(index: int, count: int) -> float:
    inner = WIDTH - LEFT - RIGHT
    return LEFT + (inner / 2 if count <= 1 else inner * index / (count - 1))


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "square":
        return _svg('<rect x="{}" y="{}" width="6" height="6" fill="{}"/>', x - 3, y - 3, colour)
    if shape == "diamond":
        return _svg('<path d="M{0} {1}l4 4l-4 4l-4 -4z" fill="{2}"/>', x, y - 4, colour)
    return _svg('<circle cx="{}" cy="{}" r="3" fill="{}"/>', x, y, colour)


def _legend(entries: list[tuple[str, str, str]]) -> list[str]:
    """(label, colour, dash) entries across the top."""
    parts, x = [], LEFT
    for label, colour, dash in entries:
        parts.append(
            _svg(
                '<line x1="{0}" x2="{1}" y1="12" y2="12" stroke="{2}" stroke-width="2.5" '
                'stroke-dasharray="{3}"/><text x="{4}" y="16" fill="#222">{5}</text>',
                x,
                x + 22,
                colour,
                dash or "none",
                x + 27,
                label,
            )
        )
        x += 27 + 7 * len(label) + 18
    return parts


def _target_line(target: Number, scale: Scale, label: str) -> str:
    y = _y(float(target), scale)
    return _svg(
        '<line x1="{0}" x2="{1}" y1="{2}" y2="{2}" stroke="{3}" stroke-width="1.5" '
        'stroke-dasharray="4 4"/><text x="{1}" y="{4}" text-anchor="end" fill="{3}">{5}</text>',
        LEFT,
        WIDTH - RIGHT,
        y,
        TARGET_COLOUR,
        y - 4,
        label,
    )


def _highest(values, target) -> float:
    present = [float(v) for v in values if v is not None]
    if target is not None:
        present.append(float(target))
    return max(present, default=0)


def line_chart(
    *,
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    target: Number | None = None,
    target_label: str = "",
    unit: str = "",
    description: str = "",
) -> Chart:
    """Each series over ``x_labels`` (for example months), with an optional dashed target line."""
    count = len(x_labels)
    present = [float(v) for line in series for v in line.values if v is not None]
    scale = _axis(_highest(present, target) * 1.05, min([0, *present]))
    parts = _frame(title, description or title, scale, unit)
    step = max(1, -(-count // MAX_X_LABELS))
    for index, label in enumerate(x_labels):
        last = index == count - 1
        if last or (index % step == 0 and count - 1 - index >= max(step, 2)):
            # The first and last labels end at the plot's edges rather than past them.
            anchor = "middle" if 0 < index < count - 1 or count == 1 else "start"
            anchor = "end" if last and count > 1 else anchor
            parts.append(
                _svg(
                    '<text x="{}" y="{}" text-anchor="{}" fill="#333">{}</text>',
                    _x(index, count),
                    HEIGHT - BOTTOM + 16,
                    anchor,
                    label,
                )
            )
    if target is not None:
        parts.append(_target_line(target, scale, target_label))
    legend = []
    for (colour, dash, shape), line in zip(STYLES, series, strict=False):
        legend.append((line.label, colour, dash))
        path, pen_down = [], False
        for index, value in enumerate(line.values):
            if value is None:
                pen_down = False
                continue
            x, y = _x(index, count), _y(float(value), scale)
            path.append(f"{'L' if pen_down else 'M'}{x} {y}")
            pen_down = True
            parts.append(_marker(shape, x, y, colour))
        if path:
            parts.append(
                _svg(
                    '<path d="{}" fill="none" stroke="{}" stroke-width="2.5" '
                    'stroke-dasharray="{}"/>',
                    " ".join(path),
                    colour,
                    dash or "none",
                )
            )
    if target is not None:
        legend.append((target_label, TARGET_COLOUR, "4 4"))
    parts += _legend(legend)
    parts.append("</svg>")
    rows = [
        (label, [number(line.values[i], unit) for line in series])
        for i, label in enumerate(x_labels)
    ]
    return Chart(
        svg=mark_safe("".join(parts)),  # noqa: S308 - every piece was escaped by format_html
        title=title,
        columns=[line.label for line in series],
        rows=rows,
    )


def bar_chart(
    *,
    title: str,
    labels: Sequence[str],
    values: Sequence[Number | None],
    target: Number | None = None,
    target_label: str = "",
    unit: str = "",
    value_label: str = "",
    description: str = "",
) -> Chart:
    """One bar per label (a missing value leaves its place empty, marked "–")."""
    count = len(labels)
    scale = _axis(
        _highest(values, target) * 1.05, min([0, *(float(v) for v in values if v is not None)])
    )
    parts = _frame(title, description or title, scale, unit)
    slot = (WIDTH - LEFT - RIGHT) / max(count, 1)
    bar = min(slot * 0.6, 80)
    base = _y(0, scale)
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        colour = STYLES[index % len(STYLES)][0]
        middle = LEFT + slot * (index + 0.5)
        parts.append(
            _svg(
                '<text x="{}" y="{}" text-anchor="middle" fill="#333">{}</text>',
                middle,
                HEIGHT - BOTTOM + 16,
                label,
            )
        )
        y = base if value is None else _y(float(value), scale)
        if value is not None:
            parts.append(
                _svg(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>',
                    middle - bar / 2,
                    min(y, base),
                    bar,
                    abs(base - y),
                    colour,
                )
            )
        parts.append(
            _svg(
                '<text x="{}" y="{}" text-anchor="middle" fill="#222">{}</text>',
                middle,
                y - 4,
                number(value, unit),
            )
        )
    if target is not None:
        parts.append(_target_line(target, scale, target_label))
    parts.append("</svg>")
    return Chart(
        svg=mark_safe("".join(parts)),  # noqa: S308 - every piece was escaped by format_html
        title=title,
        columns=[value_label or title],
        rows=[(label, [number(value, unit)]) for label, value in zip(labels, values, strict=True)],
    )
