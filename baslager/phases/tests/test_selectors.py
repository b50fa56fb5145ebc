from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.participants.models import Participant, ParticipantStatus
from baslager.phases.models import Phase, PhaseTransition
from baslager.phases.selectors import (
    BoardFilters,
    caseload_board,
    name_globs,
    name_pattern,
    phase_history,
    phase_ladder,
)
from baslager.phases.services import participant_move_to_phase, phase_set_active
from baslager.testing.personas import make_participant, membership_of


def ladder_of(organisation):
    return list(Phase.objects.filter(organisation=organisation).order_by("position"))


@pytest.fixture(
    params=[
        {},
        {"small_caseload": 1},
        {"small_caseload": 1, "sparse_column": 0},
    ],
    ids=["in one pass", "sparse phases together", "phase by phase"],
)
def reading(request):
    """The board reads a small caseload in one pass, and a large one's sparse phases together
    and its full phases one by one: every test of the board runs each way."""
    return request.param


def board_for(user, reading, **filters):
    return caseload_board(
        membership=membership_of(user), filters=BoardFilters(**filters), user=user, **reading
    )


def column_names(board):
    return {
        (column.phase.name if column.phase else None): [card.full_name for card in column.cards]
        for column in board.columns
    }


def test_it_tells_the_history_with_days_in_each_phase(world):
    first, second, third = ladder_of(world.home)[:3]
    today = timezone.localdate()
    world.participant.entry_date = today - timedelta(days=30)
    world.participant.save()
    participant_move_to_phase(
        participant=world.participant,
        to_phase=second,
        moved_on=today - timedelta(days=20),
        reason="Kartlagd",
        moved_by=world.coach,
    )
    participant_move_to_phase(
        participant=world.participant,
        to_phase=third,
        moved_on=today - timedelta(days=5),
        reason="Redo för arbetsträning",
        moved_by=world.admin,
    )
    history = phase_history(participant=world.participant)
    assert [(t.to_phase, t.moved_on, t.days_in_phase) for t in history] == [
        (first, today - timedelta(days=30), 10),
        (second, today - timedelta(days=20), 15),
        (third, today - timedelta(days=5), 5),
    ]
    assert history[0].pk is None
    assert [t.is_current for t in history] == [False, False, True]
    assert (history[2].moved_by, history[2].reason) == (world.admin, "Redo för arbetsträning")


def test_it_tells_the_history_of_someone_never_moved(world):
    history = phase_history(participant=world.participant)
    assert [(t.to_phase.name, t.days_in_phase, t.is_current) for t in history] == [
        ("Kartläggning", 0, True)
    ]


def test_it_reads_the_history_in_a_constant_number_of_queries(world, django_assert_num_queries):
    for phase in ladder_of(world.home)[1:5]:
        participant_move_to_phase(
            participant=world.participant,
            to_phase=phase,
            moved_on=timezone.localdate(),
            reason="Vidare",
            moved_by=world.coach,
        )
    with django_assert_num_queries(1):
        history = phase_history(participant=world.participant)
        assert [t.moved_by.full_name for t in history[1:]] == ["Cecilia Coach"] * 4


def test_it_counts_participants_per_phase_on_the_ladder(world):
    ladder = list(phase_ladder(membership=membership_of(world.admin)))
    assert [(phase.name, phase.participant_count) for phase in ladder][:2] == [
        ("Kartläggning", 2),
        ("Förberedelse", 0),
    ]
    assert [phase.has_history for phase in ladder] == [False] * 6


def test_it_builds_globs_that_ignore_accents_and_case():
    assert name_globs("Ås 7*") == ["*[aàáâãäåæąAÀÁÂÃÄÅÆĄ][sśšşSŚŠŞ]*", "*7[*]*"]


def test_it_builds_patterns_that_ignore_accents_and_case():
    assert name_pattern("Ås") == "[aàáâãäåæąAÀÁÂÃÄÅÆĄ][sśšşSŚŠŞ]"
    assert name_pattern("Ås  b.") == "^(?=.*[aàáâãäåæąAÀÁÂÃÄÅÆĄ][sśšşSŚŠŞ])(?=.*[bB]\\.)"


def test_it_shows_the_administrator_every_participant_by_phase(world, reading):
    board = board_for(world.admin, reading)
    assert column_names(board)["Kartläggning"] == ["Bertil Berg", "Amina Hassan"]
    assert [column.count for column in board.columns] == [2, 0, 0, 0, 0, 0]
    assert board.total == 2


def test_it_shows_a_coach_only_their_caseload(world, reading):
    board = board_for(world.coach, reading)
    assert column_names(board)["Kartläggning"] == ["Amina Hassan"]
    assert board.total == 1


def test_it_shows_a_coach_the_organisation_when_it_allows(world, reading):
    world.home.coaches_see_all_participants = True
    world.home.save()
    assert column_names(board_for(world.coach, reading))["Kartläggning"] == [
        "Bertil Berg",
        "Amina Hassan",
    ]
    assert column_names(board_for(world.coach, reading, mine=True))["Kartläggning"] == [
        "Amina Hassan"
    ]


def test_it_finds_names_regardless_of_accents_and_case(world, reading):
    make_participant(world.home, world.coach, first_name="Åsa", last_name="Öztürk")
    make_participant(world.home, world.coach, first_name="José", last_name="Ängström")
    assert column_names(board_for(world.admin, reading, q="asa"))["Kartläggning"] == ["Åsa Öztürk"]
    assert column_names(board_for(world.admin, reading, q="OZTURK"))["Kartläggning"] == [
        "Åsa Öztürk"
    ]
    assert column_names(board_for(world.admin, reading, q="jose angstrom"))["Kartläggning"] == [
        "José Ängström"
    ]
    assert column_names(board_for(world.admin, reading, q="Amina hass"))["Kartläggning"] == [
        "Amina Hassan"
    ]
    assert board_for(world.admin, reading, q="amina berg").total == 0


def test_it_filters_by_coach_and_status(world, reading):
    ended = make_participant(
        world.home, world.colleague, first_name="Dana", last_name="Dahl", status="ended"
    )
    assert column_names(board_for(world.admin, reading, coach=world.colleague.pk))[
        "Kartläggning"
    ] == ["Bertil Berg"]
    assert column_names(board_for(world.admin, reading, status="ended"))["Kartläggning"] == [
        ended.full_name
    ]
    assert board_for(world.admin, reading, status="all").total == 3


def test_it_shows_how_long_each_participant_has_been_in_the_phase(world, reading):
    second = ladder_of(world.home)[1]
    world.participant.entry_date = timezone.localdate() - timedelta(days=40)
    world.participant.save()
    participant_move_to_phase(
        participant=world.participant,
        to_phase=second,
        moved_on=timezone.localdate() - timedelta(days=12),
        reason="Vidare",
        moved_by=world.coach,
    )
    world.colleagues_participant.entry_date = timezone.localdate() - timedelta(days=3)
    world.colleagues_participant.save()
    days = {
        card.full_name: card.days_in_phase
        for column in board_for(world.admin, reading).columns
        for card in column.cards
    }
    assert days == {"Amina Hassan": 12, "Bertil Berg": 3}


def test_it_shows_a_phase_out_of_use_only_while_someone_is_in_it(world, reading):
    first, second = ladder_of(world.home)[:2]
    phase_set_active(phase=first, is_active=False)
    phase_set_active(phase=second, is_active=False)
    names = [column.phase.name for column in board_for(world.admin, reading).columns]
    assert names == [
        "Kartläggning",
        "Arbetsträning",
        "Praktik",
        "Anställning/Studier",
        "Uppföljning",
    ]


def test_it_gathers_participants_without_a_phase(world, reading):
    Participant.objects.filter(pk=world.participant.pk).update(current_phase=None)
    board = board_for(world.admin, reading)
    assert column_names(board)[None] == ["Amina Hassan"]
    assert column_names(board_for(world.admin, reading, phase="none"))[None] == ["Amina Hassan"]


def test_it_shows_the_first_cards_of_each_phase_and_pages_through_one(world, reading):
    first = ladder_of(world.home)[0]
    for number in range(7):
        make_participant(world.home, world.coach, first_name="Extra", last_name=f"Person {number}")
    board = caseload_board(
        membership=membership_of(world.admin),
        filters=BoardFilters(),
        user=world.admin,
        per_column=4,
        **reading,
    )
    column = board.columns[0]
    assert (column.count, len(column.cards), column.has_more) == (9, 4, True)
    assert column.cards[0].full_name == "Bertil Berg"

    page = caseload_board(
        membership=membership_of(world.admin),
        filters=BoardFilters(phase=str(first.pk), page=3),
        user=world.admin,
        per_column=4,
    )
    assert page.paged
    (column,) = page.columns
    assert [card.full_name for card in column.cards] == ["Extra Person 6"]
    assert (column.offset, column.has_more) == (8, False)


def test_it_shows_the_board_in_the_same_number_of_queries_for_3_and_30(world, reading):
    second = ladder_of(world.home)[1]

    def queries_for_board():
        membership = membership_of(world.admin)
        with CaptureQueriesContext(connection) as captured:
            board = caseload_board(
                membership=membership,
                filters=BoardFilters(),
                user=world.admin,
                **reading,
            )
            for column in board.columns:
                for card in column.cards:
                    assert card.coaches.all() is not None
                    assert card.is_long_term_unemployed in (True, False)
                    assert card.days_in_phase >= 0
        return len(captured), board.total

    def add_participants(count):
        for number in range(count):
            participant = make_participant(
                world.home,
                world.coach,
                world.colleague,
                first_name="P",
                last_name=str(number),
                labour_market_status="unemployed",
                unemployed_since=date(2020, 1, 1),
            )
            if number % 2 == 0:
                participant_move_to_phase(
                    participant=participant,
                    to_phase=second,
                    moved_on=timezone.localdate(),
                    reason="Vidare",
                    moved_by=world.admin,
                )

    add_participants(1)
    few, total_few = queries_for_board()
    add_participants(27)
    many, total_many = queries_for_board()
    assert (total_few, total_many) == (3, 30)
    assert few == many


def test_it_counts_ended_participants_apart(world, reading):
    Participant.objects.filter(pk=world.participant.pk).update(status=ParticipantStatus.ENDED)
    assert board_for(world.admin, reading).total == 1
    assert PhaseTransition.objects.count() == 0
