"""The monthly participant report to SCB, from participant records.

SCB's rules (domain-rules §1.6): a new participant is reported in the month they start and the
end date in the month they leave; reporting for a month opens on the first day of the next month
and is due within four weeks after the month ends; correcting an earlier month means
re-submitting every later month. Months go in chronological order.

A re-entry keeps the first entry date and moves the exit date (§1.3), so the month of the
earlier exit changes and, with it, every later month must be sent again.
"""

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from .records import ParticipantRecord

DUE_DAYS_AFTER_MONTH = 28


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def months_between(first: date, last: date) -> list[date]:
    """First days of every month from ``first``'s month to ``last``'s, in order."""
    months, month = [], month_of(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


@dataclass(frozen=True)
class ExportRow:
    identity: str
    starts_on: date | None  # set in the month the participant started
    ends_on: date | None  # set in the month the participant left

    @property
    def first_date(self) -> date:
        return self.starts_on or self.ends_on


@dataclass(frozen=True)
class MonthRows:
    month: date
    rows: tuple[ExportRow, ...]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.rows)

    @property
    def due_on(self) -> date:
        return next_month(self.month) - timedelta(days=1) + timedelta(days=DUE_DAYS_AFTER_MONTH)

    @property
    def rows_without_identity(self) -> int:
        return sum(1 for row in self.rows if not row.identity)


def monthly_rows(records, months: list[date]) -> list[MonthRows]:
    """The rows of each month in ``months`` (chronological), each month's rows by date."""
    by_month: dict[date, list[ExportRow]] = {month: [] for month in months}
    for record in records:
        starts = month_of(record.entry_date)
        ends = month_of(record.exit_date) if record.exit_date else None
        if starts in by_month:
            by_month[starts].append(
                ExportRow(record.identity, record.entry_date, _exit_if(record, starts))
            )
        if ends is not None and ends != starts and ends in by_month:
            by_month[ends].append(ExportRow(record.identity, None, record.exit_date))
    return [
        MonthRows(month, tuple(sorted(rows, key=lambda r: (r.first_date, r.identity))))
        for month, rows in by_month.items()
    ]


def _exit_if(record: ParticipantRecord, month: date) -> date | None:
    """Someone who starts and leaves in the same month is one row with both dates."""
    if record.exit_date and month_of(record.exit_date) == month:
        return record.exit_date
    return None


def fingerprint(rows) -> str:
    """The same rows, in any order, give the same fingerprint; any change gives another."""
    lines = sorted(f"{r.identity}|{r.starts_on or ''}|{r.ends_on or ''}" for r in rows)
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


class MonthState(StrEnum):
    NOT_OPEN = "not_open"  # the month has not ended yet
    TO_SUBMIT = "to_submit"
    OVERDUE = "overdue"  # not sent and past its due date
    SUBMITTED = "submitted"
    CHANGED = "changed"  # its own rows changed since they were submitted
    RESUBMIT = "resubmit"  # an earlier month changed or was sent again after it


@dataclass(frozen=True)
class SubmittedBatch:
    fingerprint: str
    submitted_at: datetime


@dataclass(frozen=True)
class MonthStatus:
    month_rows: MonthRows
    state: MonthState
    batch: SubmittedBatch | None

    @property
    def must_be_sent(self) -> bool:
        return self.state in (
            MonthState.TO_SUBMIT,
            MonthState.OVERDUE,
            MonthState.CHANGED,
            MonthState.RESUBMIT,
        )


def month_statuses(
    months: list[MonthRows], batches: dict[date, SubmittedBatch], *, today: date
) -> list[MonthStatus]:
    """Each month's state, in chronological order.

    A submitted month must be sent again when its rows changed, when an earlier month must be
    sent again, or when an earlier month was sent after it (a correction it has not followed)."""
    statuses = []
    earlier_must_be_sent = False
    latest_earlier_submission = None
    for month_rows in months:
        batch = batches.get(month_rows.month)
        if next_month(month_rows.month) > today:
            state = MonthState.NOT_OPEN
        elif batch is None:
            state = MonthState.OVERDUE if today > month_rows.due_on else MonthState.TO_SUBMIT
        elif batch.fingerprint != month_rows.fingerprint:
            state = MonthState.CHANGED
        elif earlier_must_be_sent or (
            latest_earlier_submission and latest_earlier_submission > batch.submitted_at
        ):
            state = MonthState.RESUBMIT
        else:
            state = MonthState.SUBMITTED
        statuses.append(MonthStatus(month_rows, state, batch))
        earlier_must_be_sent = earlier_must_be_sent or statuses[-1].must_be_sent
        if batch is not None and (
            latest_earlier_submission is None or batch.submitted_at > latest_earlier_submission
        ):
            latest_earlier_submission = batch.submitted_at
    return statuses


def first_month_to_send(statuses: list[MonthStatus]) -> MonthStatus | None:
    """The month to send next: the earliest one that must be sent (months go in order)."""
    return next((status for status in statuses if status.must_be_sent), None)


# Files.


def _headers() -> list[str]:
    return [_("Month"), _("Personal identity number"), _("Start date"), _("End date")]


def _cells(month: date, row: ExportRow) -> list[str]:
    return [
        f"{month:%Y-%m}",
        row.identity,
        row.starts_on.isoformat() if row.starts_on else "",
        row.ends_on.isoformat() if row.ends_on else "",
    ]


def as_csv(months: list[MonthRows]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_headers())
    for month_rows in months:
        for row in month_rows.rows:
            writer.writerow(_cells(month_rows.month, row))
    return buffer.getvalue()


def as_workbook(months: list[MonthRows]) -> bytes:
    """One sheet per month, in chronological order; every cell text, so an identity number
    keeps its form and nothing is read as a formula."""
    workbook = Workbook(write_only=True)
    for month_rows in months:
        sheet = workbook.create_sheet(f"{month_rows.month:%Y-%m}")
        sheet.append(_headers())
        for row in month_rows.rows:
            sheet.append([_text(sheet, value) for value in _cells(month_rows.month, row)])
    if not months:
        workbook.create_sheet(_("Empty"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(sheet, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell
