"""Geometry for the small charts drawn as inline SVG on the server: no script, and a table beside
each chart gives the same figures to screen readers and printers.

Coordinates are whole numbers so that templates print them as they are: a localised float would
come out as "146,7" in Swedish and break the drawing."""

from dataclasses import dataclass
from decimal import Decimal

from .defaults import SCALE_POINTS

WIDTH = 640
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 16, 56
# Labels are centred under the points, so the first and last stay this far from the edges.
EDGE = 48
BAR_HEIGHT = 14
ROW_GAP = 12
LABEL_WIDTH = 40


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    value: Decimal
    label: str
    date: str


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    points: list[Point]
    gridlines: list[tuple[int, int]]  # (scale value, y)
    left: int
    right: int

    @property
    def path(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


def _y(value: float) -> int:
    plot = HEIGHT - TOP - BOTTOM
    return round(TOP + (SCALE_POINTS - value) / (SCALE_POINTS - 1) * plot)


def averages_chart(items: list[tuple[str, str, Decimal | None]]) -> LineChart | None:
    """``items``: (label, date, average) per assessment, oldest first; those without any answer
    are left out. None when there is nothing to draw."""
    shown = [(label, day, value) for label, day, value in items if value is not None]
    if not shown:
        return None
    span = WIDTH - LEFT - RIGHT - 2 * EDGE
    step = span / max(len(shown) - 1, 1)
    start = LEFT + EDGE + (span / 2 if len(shown) == 1 else 0)
    points = [
        Point(x=round(start + i * step), y=_y(float(value)), value=value, label=label, date=day)
        for i, (label, day, value) in enumerate(shown)
    ]
    gridlines = [(value, _y(value)) for value in range(1, SCALE_POINTS + 1)]
    return LineChart(
        width=WIDTH,
        height=HEIGHT,
        points=points,
        gridlines=gridlines,
        left=LEFT,
        right=WIDTH - RIGHT,
    )


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    value: int
    latest: bool


@dataclass(frozen=True)
class BarRow:
    number: int
    label_y: int
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    rows: list[BarRow]
    ticks: list[tuple[int, int]]  # (scale value, x)
    left: int


def first_and_latest_chart(rows: list[tuple[int | None, int | None]]) -> BarChart | None:
    """Two bars per question, the first answer and the latest; ``rows`` in question order."""
    if not any(first is not None for first, _latest in rows):
        return None
    span = WIDTH - LABEL_WIDTH - RIGHT
    unit = span / SCALE_POINTS
    chart_rows = []
    y = TOP
    for number, (first, latest) in enumerate(rows, start=1):
        bars = []
        for index, (value, is_latest) in enumerate(((first, False), (latest, True))):
            if value is not None:
                bars.append(
                    Bar(
                        y=y + index * BAR_HEIGHT,
                        width=round(value * unit),
                        value=value,
                        latest=is_latest,
                    )
                )
        chart_rows.append(BarRow(number=number, label_y=y + BAR_HEIGHT + 4, bars=bars))
        y += 2 * BAR_HEIGHT + ROW_GAP
    ticks = [(value, round(LABEL_WIDTH + value * unit)) for value in range(1, SCALE_POINTS + 1)]
    return BarChart(width=WIDTH, height=y + 24, rows=chart_rows, ticks=ticks, left=LABEL_WIDTH)
