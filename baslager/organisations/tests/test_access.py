import pytest
from django.http import Http404

from baslager.journal.models import CaseNote
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.participants.models import Participant
from baslager.phases.models import Phase
from baslager.testing.personas import membership_of


def visible_names(model, user):
    return sorted(str(p) for p in scoped(model, membership_of(user)))


def test_it_gives_the_administrator_the_whole_organisation(world):
    assert visible_names(Participant, world.admin) == ["Amina Hassan", "Bertil Berg"]


def test_it_gives_a_coach_only_their_caseload(world):
    assert visible_names(Participant, world.coach) == ["Amina Hassan"]


def test_it_gives_a_coach_the_organisation_when_the_organisation_allows(world):
    world.home.coaches_see_all_participants = True
    world.home.save()
    assert visible_names(Participant, world.coach) == ["Amina Hassan", "Bertil Berg"]


def test_it_keeps_restricted_data_with_own_coaches_even_when_organisation_is_open(world):
    world.home.coaches_see_all_participants = True
    world.home.save()
    CaseNote.objects.create(
        organisation=world.home, participant=world.colleagues_participant, author=world.colleague
    )
    assert not scoped(CaseNote, membership_of(world.coach)).exists()
    assert scoped(CaseNote, membership_of(world.colleague)).count() == 1
    assert scoped(CaseNote, membership_of(world.admin)).count() == 1


@pytest.mark.parametrize("persona", ["scout", "viewer"])
def test_it_shows_scouts_and_viewers_no_participant(world, persona):
    assert visible_names(Participant, getattr(world, persona)) == []


def test_it_never_crosses_organisations(world):
    assert visible_names(Participant, world.outsider) == ["Olga Annan"]
    assert {p.organisation_id for p in scoped(Phase, membership_of(world.outsider))} == {
        world.other.pk
    }


def test_it_answers_404_for_objects_out_of_scope(world):
    with pytest.raises(Http404):
        get_scoped_or_404(
            Participant, membership_of(world.outsider), public_id=world.participant.public_id
        )
    found = get_scoped_or_404(
        Participant, membership_of(world.coach), public_id=world.participant.public_id
    )
    assert found == world.participant


def test_it_sees_nothing_without_a_membership(world):
    assert not scoped(Participant, None).exists()


def test_small_cells_and_the_cells_that_would_give_them_away_are_hidden():
    from baslager.organisations.access import suppress_cells

    # Nothing small: everything shown.
    assert suppress_cells([25, 33, 0], 58).cells == [25, 33, 0]
    # One small cell would be 61 − 25 − 33: the smallest other one is hidden beside it.
    shown = suppress_cells([25, 33, 3], 61)
    assert (shown.cells, shown.total, shown.complementary) == ([None, 33, None], 61, {0})
    # Two small cells adding up to fewer than five: a third is hidden.
    shown = suppress_cells([1, 2, 30], 33)
    assert (shown.cells, shown.total, shown.complementary) == ([None, None, None], 33, {2})
    # Two small cells adding up to five or more protect each other.
    assert suppress_cells([4, 3, 30], 37).cells == [None, None, 30]
    # A small total is hidden itself.
    shown = suppress_cells([3, 0, 0], 3)
    assert (shown.cells, shown.total) == ([None, 0, 0], None)
    shown = suppress_cells([6, 0], 6)
    assert (shown.cells, shown.total) == ([6, 0], 6)


def test_a_small_cell_is_protected_down_its_column_as_well_as_along_its_row():
    from baslager.organisations.access import suppress_table

    # The 2 is protected in its row by the 3 beside it, but its column would give it away as
    # 12 − 10; the 10 is hidden, and then a cell beside the 10 in its row.
    table = suppress_table([[2, 3, 20], [10, 6, 30]])
    assert table.rows == [[None, None, 20], [None, None, 30]]
    assert table.row_totals == [25, 46] and table.column_totals == [12, 9, 50]
    assert table.complementary == {(1, 0), (1, 1)}
    # Nothing small: everything shown.
    table = suppress_table([[5, 6], [7, 8]])
    assert table.rows == [[5, 6], [7, 8]] and table.total == 26 and not table.complementary
