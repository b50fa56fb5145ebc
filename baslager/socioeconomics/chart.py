"""A horizontal bar chart as plain numbers for an inline SVG: one bar per row, negative values
to the left of the zero line. The table next to it carries the same figures for screen readers."""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 90
BAR_HEIGHT = 22
GAP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    text_y: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    zero_x: float
    width: int
    height: int
    label_x: int
    value_x: int
    bar_height: int = BAR_HEIGHT


def bar_chart(rows: list[tuple[str, float]]) -> BarChart:
    plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    low = min([0.0, *(value for _, value in rows)])
    high = max([0.0, *(value for _, value in rows)])
    scale = plot / (high - low) if high > low else 0.0
    zero_x = LABEL_WIDTH + -low * scale
    bars = []
    for index, (label, value) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=zero_x + min(value, 0.0) * scale,
                y=y,
                width=abs(value) * scale,
                text_y=y + BAR_HEIGHT * 0.7,
            )
        )
    return BarChart(
        bars=bars,
        zero_x=zero_x,
        width=WIDTH,
        height=GAP + len(rows) * (BAR_HEIGHT + GAP),
        label_x=LABEL_WIDTH - 8,
        value_x=WIDTH - VALUE_WIDTH + 8,
    )
