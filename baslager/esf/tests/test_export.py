"""The monthly SCB rows and the re-submission rule, over plain records."""

import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime

import openpyxl

from baslager.esf.export import (
    MonthState,
    SubmittedBatch,
    as_csv,
    as_workbook,
    first_month_to_send,
    month_statuses,
    monthly_rows,
    months_between,
)

from .factories import record

MONTHS = months_between(date(2025, 1, 15), date(2025, 6, 30))


def at(day: int) -> datetime:
    return datetime(2025, 7, day, 12, tzinfo=UTC)


def test_months_between_in_order_across_a_year_end():
    assert months_between(date(2024, 11, 30), date(2025, 2, 1)) == [
        date(2024, 11, 1),
        date(2024, 12, 1),
        date(2025, 1, 1),
        date(2025, 2, 1),
    ]


def test_start_in_its_month_end_in_its_month_both_when_the_same():
    stays = record(identity="A", entry_date=date(2025, 1, 20), exit_date=date(2025, 3, 3))
    short = record(identity="B", entry_date=date(2025, 2, 2), exit_date=date(2025, 2, 27))
    still_in = record(identity="C", entry_date=date(2025, 2, 1))
    months = {m.month: m.rows for m in monthly_rows([stays, short, still_in], MONTHS)}
    assert [(r.identity, r.starts_on, r.ends_on) for r in months[date(2025, 1, 1)]] == [
        ("A", date(2025, 1, 20), None)
    ]
    assert [(r.identity, r.starts_on, r.ends_on) for r in months[date(2025, 2, 1)]] == [
        ("C", date(2025, 2, 1), None),
        ("B", date(2025, 2, 2), date(2025, 2, 27)),
    ]
    assert [(r.identity, r.starts_on, r.ends_on) for r in months[date(2025, 3, 1)]] == [
        ("A", None, date(2025, 3, 3))
    ]
    assert months[date(2025, 4, 1)] == ()


def test_due_four_weeks_after_the_month():
    january = monthly_rows([], MONTHS)[0]
    assert january.due_on == date(2025, 2, 28)


def test_fingerprint_changes_with_the_rows_not_their_order():
    a = record(identity="A", entry_date=date(2025, 1, 2))
    b = record(identity="B", entry_date=date(2025, 1, 3))
    first = monthly_rows([a, b], MONTHS)[0]
    assert first.fingerprint == monthly_rows([b, a], MONTHS)[0].fingerprint
    moved = replace(b, entry_date=date(2025, 1, 4))
    assert first.fingerprint != monthly_rows([a, moved], MONTHS)[0].fingerprint


def _sent(months, day=1):
    return {m.month: SubmittedBatch(m.fingerprint, at(day + i)) for i, m in enumerate(months)}


def test_months_not_over_are_not_open_and_the_rest_to_send():
    statuses = month_statuses(monthly_rows([], MONTHS), {}, today=date(2025, 2, 28))
    assert [s.state for s in statuses] == [MonthState.TO_SUBMIT] + [MonthState.NOT_OPEN] * 5
    assert first_month_to_send(statuses).month_rows.month == date(2025, 1, 1)


def test_a_month_not_sent_by_its_due_date_is_overdue():
    # January is due 28 February, February on 28 March; March is not due until 28 April.
    statuses = month_statuses(monthly_rows([], MONTHS), {}, today=date(2025, 4, 1))
    assert [s.state for s in statuses] == [
        MonthState.OVERDUE,
        MonthState.OVERDUE,
        MonthState.TO_SUBMIT,
    ] + [MonthState.NOT_OPEN] * 3
    assert all(s.must_be_sent for s in statuses[:3])
    assert first_month_to_send(statuses).month_rows.month == date(2025, 1, 1)
    sent = _sent(monthly_rows([], MONTHS)[:1])
    statuses = month_statuses(monthly_rows([], MONTHS), sent, today=date(2025, 4, 1))
    assert [s.state for s in statuses[:2]] == [MonthState.SUBMITTED, MonthState.OVERDUE]


def test_a_change_to_an_earlier_month_marks_every_later_month():
    person = record(identity="A", entry_date=date(2025, 1, 20), exit_date=date(2025, 3, 3))
    months = monthly_rows([person], MONTHS)
    sent = _sent(months)
    assert {s.state for s in month_statuses(months, sent, today=date(2025, 7, 1))} == {
        MonthState.SUBMITTED
    }
    # The exit date is corrected (or the person re-enters): March changes, and so April–June.
    corrected = monthly_rows([replace(person, exit_date=date(2025, 3, 10))], MONTHS)
    statuses = month_statuses(corrected, sent, today=date(2025, 7, 1))
    assert [s.state for s in statuses] == [
        MonthState.SUBMITTED,
        MonthState.SUBMITTED,
        MonthState.CHANGED,
        MonthState.RESUBMIT,
        MonthState.RESUBMIT,
        MonthState.RESUBMIT,
    ]
    assert first_month_to_send(statuses).month_rows.month == date(2025, 3, 1)


def test_sending_the_corrected_month_again_still_asks_for_the_later_ones():
    person = record(identity="A", entry_date=date(2025, 1, 20), exit_date=date(2025, 3, 3))
    months = monthly_rows([person], MONTHS)
    sent = _sent(months)
    corrected = monthly_rows([replace(person, exit_date=date(2025, 3, 10))], MONTHS)
    sent[date(2025, 3, 1)] = SubmittedBatch(corrected[2].fingerprint, at(20))
    states = [s.state for s in month_statuses(corrected, sent, today=date(2025, 7, 1))]
    assert states[2] == MonthState.SUBMITTED
    assert states[3:] == [MonthState.RESUBMIT] * 3
    sent[date(2025, 4, 1)] = SubmittedBatch(corrected[3].fingerprint, at(21))
    states = [s.state for s in month_statuses(corrected, sent, today=date(2025, 7, 1))]
    assert states[3:] == [MonthState.SUBMITTED, MonthState.RESUBMIT, MonthState.RESUBMIT]


def test_csv_and_workbook_in_chronological_order():
    people = [
        record(identity="19900615-1234", entry_date=date(2025, 2, 5)),
        record(identity="=cmd()", entry_date=date(2025, 1, 7), exit_date=date(2025, 2, 9)),
    ]
    months = monthly_rows(people, MONTHS[:2])
    rows = list(csv.reader(io.StringIO(as_csv(months)), delimiter=";"))
    assert rows[0] == ["Month", "Personal identity number", "Start date", "End date"]
    assert rows[1:] == [
        ["2025-01", "=cmd()", "2025-01-07", ""],
        ["2025-02", "19900615-1234", "2025-02-05", ""],
        ["2025-02", "=cmd()", "", "2025-02-09"],
    ]
    workbook = openpyxl.load_workbook(io.BytesIO(as_workbook(months)))
    assert workbook.sheetnames == ["2025-01", "2025-02"]
    february = list(workbook["2025-02"].iter_rows(values_only=True))
    assert february[1] == ("2025-02", "19900615-1234", "2025-02-05", None)
    assert workbook["2025-01"]["B2"].data_type == "s"  # text, never a formula
