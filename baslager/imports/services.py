"""Upload, preview, confirm and run an import of employers and their contact people.

Nothing is written to the employer register before the import is confirmed. It then runs a
chunk of rows per request, each chunk in one transaction, so a page can show progress without a
background worker and an import that stops half-way resumes at the next chunk.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.employers import services as employer_services
from baslager.employers.models import Employer
from baslager.employers.numbers import normalise_organisation_number
from baslager.employers.selectors import employer_name_key
from baslager.organisations.access import scoped
from baslager.organisations.models import Membership

from .columns import EMPLOYER_FIELDS, field_labels
from .models import BatchStatus, DuplicatePolicy, ImportBatch, ImportRow, Outcome, RowStatus
from .reading import read_upload
from .rows import ERROR, Lookups, RowReading, read_row

CHUNK_SIZE = 200


@transaction.atomic
def import_batch_create(*, membership: Membership, actor: User, upload) -> ImportBatch:
    """Reads ``upload`` and keeps its rows with what each would become. Raises ValidationError
    for a file that cannot be read."""
    table = read_upload(upload)
    batch = ImportBatch.objects.create(
        organisation=membership.organisation,
        created_by=actor,
        file_name=upload.name[:255],
        file_kind=table.kind,
        sheets=[
            {"name": sheet.name, "headers": sheet.headers, "mapping": sheet.mapping}
            for sheet in table.sheets
        ],
        total=table.row_count,
    )
    sheets = [
        (
            sheet.name,
            sheet.mapping,
            [(line, cells) for (line, _data), cells in zip(sheet.rows, sheet.cells, strict=True)],
        )
        for sheet in table.sheets
    ]
    leaders, followers = _preview_rows(batch, sheets, membership)
    # Leaders first: a follower points at its leader, which must have its id by then.
    ImportRow.objects.bulk_create(leaders, batch_size=1000)
    ImportRow.objects.bulk_create(followers, batch_size=1000)
    return batch


@transaction.atomic
def import_batch_map_columns(
    *, batch: ImportBatch, membership: Membership, mappings: list[dict[str, int]]
) -> ImportBatch:
    """Reads the rows of a previewed import again with ``mappings`` ({field: column index}, one
    per sheet, in the order of ``batch.sheets``): a column can be given another field, or none."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != BatchStatus.PREVIEWED:
        raise ValidationError(_("The columns can only be changed before the import starts."))
    if len(mappings) != len(batch.sheets):
        raise ValidationError(_("Map the columns of every sheet."))
    for mapping in mappings:
        if "name" not in mapping:
            raise ValidationError(_("Choose the column with the employer's name."), code="name")
    rows = list(batch.rows.order_by("index").only("pk", "index", "sheet", "line", "cells"))
    by_sheet: dict[str, list[tuple[int, list[str]]]] = {}
    for row in rows:
        by_sheet.setdefault(row.sheet, []).append((row.line, row.cells))
    named = len(batch.sheets) > 1
    sheets = [
        (sheet["name"], mapping, by_sheet.get(sheet["name"] if named else "", []))
        for sheet, mapping in zip(batch.sheets, mappings, strict=True)
    ]
    leaders, followers = _preview_rows(batch, sheets, membership, pks=[row.pk for row in rows])
    # Rows keep their ids, so one update, without an audit entry per row, as when they were made.
    ImportRow.objects.bulk_update(
        leaders + followers, ["data", "status", "messages", "existing", "leader"], batch_size=1000
    )
    for sheet, mapping in zip(batch.sheets, mappings, strict=True):
        sheet["mapping"] = mapping
    batch.save(update_fields=["sheets"])
    return batch


class _Registered:
    """The organisation's employers, by organisation number and by name as the employer
    selectors compare names, loaded in one query."""

    def __init__(self, membership: Membership):
        self.by_number: dict[str, Employer] = {}
        self.by_name: dict[str, Employer] = {}
        employers = scoped(Employer, membership).only(
            "pk", "public_id", "name", "organisation_number"
        )
        for employer in employers.order_by("name", "pk"):
            if employer.organisation_number:
                self.by_number[employer.organisation_number] = employer
            self.by_name.setdefault(employer_name_key(employer.name), employer)

    def match(self, reading: RowReading) -> Employer | None:
        if reading.number and reading.number in self.by_number:
            return self.by_number[reading.number]
        similar = self.by_name.get(reading.name_key)
        if similar is None:
            return None
        if reading.number and similar.organisation_number:
            # Another number: another legal entity, however alike the names.
            reading.problem(
                "name",
                _("%(name)s, registered with another organisation number, has a similar name.")
                % {"name": similar.name},
                "warning",
            )
            return None
        return similar


def _mapped(cells: list[str], mapping: dict[str, int]) -> dict[str, str]:
    return {field: cells[index] if index < len(cells) else "" for field, index in mapping.items()}


def _preview_rows(batch: ImportBatch, sheets, membership: Membership, pks=()):
    """Unsaved rows, each with what it would become, from ``sheets``: (name, {field: column
    index}, [(line, cells)]); rows read again keep their ids from ``pks``, in order."""
    lookups = Lookups.load(membership)
    registered = _Registered(membership)
    by_number: dict[str, ImportRow] = {}
    by_name: dict[str, ImportRow] = {}
    leaders, followers = [], []
    index = 0
    for name, mapping, lines in sheets:
        sheet_name = name if len(sheets) > 1 else ""
        for line, cells in lines:
            data = _mapped(cells, mapping)
            reading = read_row(data, lookups)
            row = ImportRow(
                pk=pks[index] if pks else None,
                organisation_id=batch.organisation_id,
                batch=batch,
                index=index,
                sheet=sheet_name,
                line=line,
                data=data,
                cells=cells,
            )
            index += 1
            if reading.has_errors:
                row.status = RowStatus.ERROR
                leaders.append(row)
            elif leader := (
                by_number.get(reading.number) if reading.number else by_name.get(reading.name_key)
            ):
                row.status, row.leader = RowStatus.IN_FILE, leader
                followers.append(row)
            else:
                row.existing = registered.match(reading)
                row.status = RowStatus.EXISTING if row.existing else RowStatus.NEW
                if reading.number:
                    by_number[reading.number] = row
                by_name.setdefault(reading.name_key, row)
                leaders.append(row)
            row.messages = reading.messages
    return leaders, followers


def describe_problems(messages: list[dict]) -> str:
    labels = field_labels()
    return " ".join(
        f"{labels.get(message['field'], '')}: {message['text']}"
        for message in messages
        if message["level"] == ERROR
    )


@transaction.atomic
def import_batch_start(*, batch: ImportBatch, duplicate_policy: str) -> ImportBatch:
    """Confirms a previewed import; a second confirmation (a double click) changes nothing."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status == BatchStatus.PREVIEWED:
        batch.status = BatchStatus.RUNNING
        batch.duplicate_policy = duplicate_policy
        batch.save(update_fields=["status", "duplicate_policy"])
    return batch


@transaction.atomic
def import_batch_cancel(*, batch: ImportBatch) -> ImportBatch:
    """Stops an import. What earlier chunks imported stays."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status in (BatchStatus.PREVIEWED, BatchStatus.RUNNING):
        batch.status = BatchStatus.CANCELLED
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "finished_at"])
    return batch


class _ChunkTaken(Exception):
    """Another request processed the same chunk first."""


def import_batch_step(*, batch: ImportBatch, membership: Membership, actor: User) -> ImportBatch:
    """Imports the next CHUNK_SIZE rows of a running import in one transaction. Two requests at
    once (two tabs, a double click) import each row once: the batch row is locked where the
    database can, and the position moves on only from where this chunk started."""
    try:
        with transaction.atomic():
            locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.status == BatchStatus.RUNNING:
                _run_chunk(locked, membership, actor)
    except _ChunkTaken:
        pass
    return ImportBatch.objects.get(pk=batch.pk)


def _run_chunk(batch: ImportBatch, membership: Membership, actor: User) -> None:
    start = batch.position
    rows = list(batch.rows.filter(index__gte=start, index__lt=start + CHUNK_SIZE).order_by("index"))
    runner = _ChunkRunner(batch, membership, actor, rows)
    for row in rows:
        runner.run(row)
    ImportRow.objects.bulk_update(rows, ["outcome", "outcome_message", "employer"])
    counts = runner.counts
    moved = ImportBatch.objects.filter(pk=batch.pk, position=start).update(
        position=start + len(rows),
        created_count=F("created_count") + counts[Outcome.CREATED],
        updated_count=F("updated_count") + counts[Outcome.UPDATED],
        skipped_count=F("skipped_count") + counts[Outcome.SKIPPED],
        failed_count=F("failed_count") + counts[Outcome.FAILED],
        contacts_count=F("contacts_count") + runner.contacts_added,
    )
    if not moved:
        raise _ChunkTaken
    if start + len(rows) >= batch.total:
        batch.status = BatchStatus.DONE
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "finished_at"])


# Fields an update fills in when the registered employer has them empty. The name and kind are
# never empty, and a stage moves only through the pipeline, with its history.
_FILLABLE = tuple(
    name for name in EMPLOYER_FIELDS if name not in ("name", "kind", "stage", "kommun")
) + ("kommun_code",)


def _number_or_blank(raw: str) -> str:
    try:
        return normalise_organisation_number(raw)
    except ValidationError:
        return ""


class _ChunkRunner:
    """Imports the rows of one chunk, with what they need loaded in a few queries up front."""

    def __init__(self, batch, membership, actor, rows):
        self.batch, self.membership, self.actor = batch, membership, actor
        self.lookups = Lookups.load(membership)
        self.counts = dict.fromkeys(Outcome.values, 0)
        self.contacts_added = 0
        self.contact_names: dict[int, set[str]] = {}
        # A leader in this chunk is read from the list, where its outcome is set as it runs.
        self.leaders = {row.pk: row for row in rows}
        self.leaders_here = set(self.leaders)
        earlier = {row.leader_id for row in rows} - self.leaders.keys() - {None}
        self.leaders |= ImportRow.objects.only("pk", "line", "outcome", "employer").in_bulk(earlier)
        employers = scoped(Employer, membership)
        wanted = {row.existing_id for row in rows if row.existing_id}
        wanted |= {leader.employer_id for leader in self.leaders.values() if leader.employer_id}
        self.employers = employers.in_bulk(wanted)
        # Numbers registered since the preview, by someone else, count as registered too.
        numbers = {_number_or_blank(row.data.get("organisation_number", "")) for row in rows}
        self.by_number = {
            employer.organisation_number: employer
            for employer in employers.filter(organisation_number__in=numbers - {""})
        }

    def run(self, row: ImportRow) -> None:
        try:
            with transaction.atomic():
                outcome, message, employer = self._outcome(row)
        except (ValidationError, IntegrityError) as error:
            outcome, employer = Outcome.FAILED, None
            message = (
                " ".join(error.messages)
                if isinstance(error, ValidationError)
                else _("Another employer has the same organisation number.")
            )
        row.outcome, row.outcome_message, row.employer = outcome, message, employer
        self.counts[outcome] += 1

    def _outcome(self, row: ImportRow):
        if row.status == RowStatus.ERROR:
            return Outcome.FAILED, describe_problems(row.messages), None
        reading = read_row(row.data, self.lookups)
        if reading.has_errors:
            return Outcome.FAILED, describe_problems(reading.messages), None
        if row.leader_id:
            return self._follow(row, reading)
        existing = self.by_number.get(reading.number) or self.employers.get(row.existing_id)
        if existing is None:
            employer = employer_services.employer_create(
                membership=self.membership, actor=self.actor, data=reading.employer
            )
            if employer.organisation_number:
                self.by_number[employer.organisation_number] = employer
            self.contact_names[employer.pk] = set()
            self._add_contact(employer, reading)
            return Outcome.CREATED, "", employer
        if self.batch.duplicate_policy == DuplicatePolicy.SKIP:
            return (
                Outcome.SKIPPED,
                _("%(name)s is already registered.") % {"name": existing.name},
                None,
            )
        changed = self._fill_in(existing, reading)
        added = self._add_contact(existing, reading)
        if changed or added:
            return Outcome.UPDATED, "", existing
        return (
            Outcome.SKIPPED,
            _("%(name)s is already registered with these details.") % {"name": existing.name},
            existing,
        )

    def _follow(self, row: ImportRow, reading: RowReading):
        leader = self.leaders[row.leader_id]
        where = {"line": leader.line}
        employer = (
            leader.employer
            if leader.pk in self.leaders_here
            else self.employers.get(leader.employer_id)
        )
        if leader.outcome == Outcome.FAILED:
            return (
                Outcome.FAILED,
                _("The employer on row %(line)s could not be imported.") % where,
                None,
            )
        if employer is None:
            return Outcome.SKIPPED, _("The employer on row %(line)s was skipped.") % where, None
        if self._add_contact(employer, reading):
            return Outcome.ADDED, "", employer
        return (
            Outcome.SKIPPED,
            _("Same employer as row %(line)s, and no new contact person.") % where,
            employer,
        )

    def _fill_in(self, employer: Employer, reading: RowReading) -> bool:
        data = {
            name: value
            for name, value in reading.employer.items()
            if name in _FILLABLE and value and not getattr(employer, name)
        }
        if not data:
            return False
        # The employer service sets the number from the data given, so it must always be there.
        data.setdefault("organisation_number", employer.organisation_number)
        employer_services.employer_update(employer=employer, data=data)
        return True

    def _add_contact(self, employer: Employer, reading: RowReading) -> bool:
        if not reading.contact:
            return False
        names = self.contact_names.get(employer.pk)
        if names is None:
            names = {name.casefold() for name in employer.contacts.values_list("name", flat=True)}
            self.contact_names[employer.pk] = names
        if reading.contact["name"].casefold() in names:
            return False
        employer_services.contact_person_create(employer=employer, data=reading.contact)
        names.add(reading.contact["name"].casefold())
        self.contacts_added += 1
        return True
