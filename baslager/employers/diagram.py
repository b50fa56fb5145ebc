"""Where the boxes and arrows of a value chain go in its SVG picture, in SVG user units."""

from dataclasses import dataclass

from .models import Employer, ValueChainLink
from .selectors import ValueChain

BOX_WIDTH = 200
BOX_HEIGHT = 44
COLUMN_GAP = 80
ROW_GAP = 20
MARGIN = 8


@dataclass(frozen=True)
class Box:
    employer: Employer
    x: int
    y: int
    current: bool

    @property
    def text_x(self) -> int:
        return self.x + BOX_WIDTH // 2

    @property
    def text_y(self) -> int:
        return self.y + BOX_HEIGHT // 2


@dataclass(frozen=True)
class Arrow:
    link: ValueChainLink
    x1: int
    y1: int
    x2: int
    y2: int


@dataclass(frozen=True)
class Diagram:
    width: int
    height: int
    box_width: int
    box_height: int
    boxes: list[Box]
    arrows: list[Arrow]


def value_chain_diagram(chain: ValueChain, *, current: Employer) -> Diagram:
    tallest = max((len(column) for column in chain.columns), default=0)
    height = 2 * MARGIN + tallest * BOX_HEIGHT + max(tallest - 1, 0) * ROW_GAP
    boxes: dict[int, Box] = {}
    for index, column in enumerate(chain.columns):
        column_height = len(column) * BOX_HEIGHT + (len(column) - 1) * ROW_GAP
        top = (height - column_height) // 2
        for row, employer in enumerate(column):
            boxes[employer.pk] = Box(
                employer=employer,
                x=MARGIN + index * (BOX_WIDTH + COLUMN_GAP),
                y=top + row * (BOX_HEIGHT + ROW_GAP),
                current=employer.pk == current.pk,
            )
    arrows = []
    for link in chain.links:
        start, end = boxes[link.supplier_id], boxes[link.customer_id]
        arrows.append(
            Arrow(
                link=link,
                x1=start.x + BOX_WIDTH,
                y1=start.text_y,
                # Stops short of the box so the arrowhead stays visible.
                x2=end.x - 4,
                y2=end.text_y,
            )
        )
    columns = len(chain.columns)
    width = 2 * MARGIN + columns * BOX_WIDTH + max(columns - 1, 0) * COLUMN_GAP
    return Diagram(
        width=width,
        height=height,
        box_width=BOX_WIDTH,
        box_height=BOX_HEIGHT,
        boxes=list(boxes.values()),
        arrows=arrows,
    )
