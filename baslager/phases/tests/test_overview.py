import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from baslager.participants.models import Gender
from baslager.testing.personas import make_participant

URL = reverse("phases:overview")


def add_women(world, count):
    for number in range(count):
        make_participant(world.home, world.coach, first_name=f"Kvinna{number}", gender=Gender.WOMAN)


@pytest.mark.parametrize("persona", ["viewer", "scout", "coach", "admin"])
def test_it_shows_every_member_the_figures_without_names(world, signed_in, persona):
    add_women(world, 6)
    page = signed_in(getattr(world, persona)).get(URL).content.decode()
    assert "Participants by development phase and gender" in page
    assert "Kvinna0" not in page and "Amina" not in page
    assert "<td>8</td>" in page  # the six women and the world's two not stated


def test_it_suppresses_cells_under_five(world, signed_in):
    add_women(world, 3)
    page = signed_in(world.viewer).get(URL).content.decode()
    assert "&lt;5" in page
    assert "<td>3</td>" not in page


def test_it_counts_only_the_members_organisation(world, signed_in):
    for number in range(7):
        make_participant(world.other, world.outsider, first_name=f"Annan{number}")
    page = signed_in(world.viewer).get(URL).content.decode()
    assert "<td>7</td>" not in page and "<td>8</td>" not in page


def test_it_reads_a_constant_number_of_queries(world, signed_in):
    client = signed_in(world.viewer)
    add_women(world, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    add_women(world, 20)
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(few) == len(many)


def _first_row(page: str) -> list[str]:
    row = page[page.index("<tbody>") :].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]


def test_a_small_cell_cannot_be_worked_out_from_the_totals(world, signed_in):
    """Six women and two not stated: showing the six would give away the two as 8 − 6."""
    add_women(world, 6)
    page = signed_in(world.viewer).get(URL).content.decode()
    assert _first_row(page) == ["hidden", "0", "0", "&lt;5", "8"]
    add_women(world, 4)
    make_participant(world.home, world.coach, first_name="Man", gender=Gender.MAN)
    for number in range(4):
        make_participant(world.home, world.coach, first_name=f"M{number}", gender=Gender.MAN)
    page = signed_in(world.viewer).get(URL).content.decode()
    # Ten women, five men and two not stated: the two is hidden beside the five, the smallest.
    assert _first_row(page) == ["10", "hidden", "0", "&lt;5", "17"]
