import pytest
from auditlog.models import LogEntry
from django.db import transaction

from baslager.employers.models import ContactPerson, Employer, Stage
from baslager.imports import services
from baslager.imports.models import (
    BatchStatus,
    DuplicatePolicy,
    ImportBatch,
    Outcome,
    RowStatus,
)
from baslager.imports.services import (
    import_batch_cancel,
    import_batch_create,
    import_batch_start,
    import_batch_step,
)
from baslager.organisations.models import Membership

from .files import csv_upload

HEADER = ["Org.nr", "Företag", "Kommun", "Kontaktperson", "Telefon"]


@pytest.fixture
def membership(world):
    return Membership.objects.get(user=world.coach, organisation=world.home)


def _create(membership, rows, header=HEADER):
    return import_batch_create(
        membership=membership, actor=membership.user, upload=csv_upload([header, *rows])
    )


def _run(batch, membership, policy=DuplicatePolicy.SKIP):
    import_batch_start(batch=batch, duplicate_policy=policy)
    for _attempt in range(100):
        batch = import_batch_step(batch=batch, membership=membership, actor=membership.user)
        if batch.status != BatchStatus.RUNNING:
            return batch
    raise AssertionError("the import never finished")


def _statuses(batch) -> list[str]:
    return list(batch.rows.order_by("index").values_list("status", flat=True))


def test_the_preview_finds_new_employers_duplicates_and_errors_and_writes_nothing(
    world, membership
):
    registered = Employer.objects.create(
        organisation=world.home, name="Lagerbolaget AB", organisation_number="5560360793"
    )
    similar = Employer.objects.create(
        organisation=world.home, name="Bageriet i Kiruna", organisation_number="5566000005"
    )
    Employer.objects.create(organisation=world.other, name="Snickeriet", organisation_number="")
    batch = _create(
        membership,
        [
            ["556036-0793", "Lagerbolaget", "", "", ""],  # registered, by number
            ["", "BAGERIET I KIRUNA AB", "", "", ""],  # registered, by similar name
            ["", "Snickeriet", "Uppsala", "Anna", "1"],  # new: the other org's is not ours
            ["", "Snickeriet", "", "Bertil", "2"],  # same as the row above
            ["556036-0794", "Felbolaget", "Atlantis", "", ""],  # errors
            ["212000-0142", "Bageriet i Kiruna", "", "", ""],  # similar name, a number: new
        ],
    )
    assert _statuses(batch) == ["existing", "existing", "new", "in_file", "error", "new"]
    rows = list(batch.rows.order_by("index"))
    assert (rows[0].existing, rows[1].existing) == (registered, similar)
    assert rows[3].leader == rows[2]
    assert {m["field"] for m in rows[4].messages} == {"organisation_number", "kommun"}
    assert rows[5].existing is None
    assert rows[5].messages[0]["level"] == "warning"
    assert (batch.total, batch.status, batch.position) == (6, BatchStatus.PREVIEWED, 0)
    assert batch.sheets[0]["mapping"]["name"] == 1
    assert Employer.objects.filter(organisation=world.home).count() == 2
    assert not ContactPerson.objects.exists()


def test_a_similar_name_without_a_number_on_either_side_is_the_same_employer(world, membership):
    registered = Employer.objects.create(organisation=world.home, name="Bageriet i Kiruna")
    batch = _create(membership, [["212000-0142", "Bageriet i Kiruna AB", "", "", ""]])
    assert batch.rows.get().existing == registered
    _run(batch, membership, DuplicatePolicy.UPDATE)
    registered.refresh_from_db()
    assert registered.organisation_number == "2120000142"


def test_rows_with_the_same_number_are_one_employer_with_several_contacts(world, membership):
    batch = _create(
        membership,
        [
            ["556036-0793", "Lagerbolaget AB", "Kiruna", "Karin Lind", "0980-1"],
            ["5560360793", "Lagerbolaget i Norr", "", "Per Ek", "0980-2"],
            ["", "Bageriet", "", "", ""],
            ["", "bageriet ab", "", "Lisa Ro", ""],
        ],
    )
    assert _statuses(batch) == ["new", "in_file", "new", "in_file"]
    batch = _run(batch, membership)
    assert (batch.created_count, batch.contacts_count, batch.failed_count) == (2, 3, 0)
    lager = Employer.objects.get(organisation_number="5560360793")
    assert lager.name == "Lagerbolaget AB"
    assert lager.kommun_code == "2584"
    assert sorted(lager.contacts.values_list("name", flat=True)) == ["Karin Lind", "Per Ek"]
    assert list(Employer.objects.get(name="Bageriet").contacts.values_list("name", flat=True)) == [
        "Lisa Ro"
    ]
    outcomes = list(batch.rows.order_by("index").values_list("outcome", flat=True))
    assert outcomes == ["created", "added", "created", "added"]


def test_an_imported_employer_gets_the_same_history_and_audit_entries_as_one_made_on_the_page(
    world, membership
):
    batch = _run(_create(membership, [["", "Bageriet", "", "Karin Lind", ""]]), membership)
    employer = Employer.objects.get()
    assert employer.organisation == world.home
    change = employer.stage_changes.get()
    assert (change.to_stage, change.changed_by) == (Stage.IDENTIFIED, world.coach)
    logged = {entry.content_type.model for entry in LogEntry.objects.filter(action=0)}
    assert {"employer", "employerstagechange", "contactperson", "importbatch"} <= logged
    assert batch.finished_at is not None


def test_policy_skip_leaves_a_registered_employer_as_it_is(world, membership):
    registered = Employer.objects.create(
        organisation=world.home, name="Lagerbolaget AB", organisation_number="5560360793"
    )
    batch = _create(
        membership,
        [
            ["556036-0793", "Lagerbolaget", "Kiruna", "Karin Lind", ""],
            ["556036-0793", "Lagerbolaget", "", "Per Ek", ""],
        ],
    )
    batch = _run(batch, membership, DuplicatePolicy.SKIP)
    registered.refresh_from_db()
    assert registered.kommun_code == ""
    assert not registered.contacts.exists()
    assert (batch.skipped_count, batch.created_count, batch.updated_count) == (2, 0, 0)


def test_policy_update_fills_in_empty_fields_and_adds_new_contacts_only(world, membership):
    registered = Employer.objects.create(
        organisation=world.home, name="Lagerbolaget AB", city="Luleå", notes=""
    )
    ContactPerson.objects.create(organisation=world.home, employer=registered, name="Karin Lind")
    batch = _create(
        membership,
        [
            ["556036-0793", "Lagerbolaget", "Kiruna", "karin lind", ""],
            ["556036-0793", "Lagerbolaget", "", "Per Ek", ""],
        ],
        header=["Org.nr", "Företag", "Kommun", "Kontaktperson", "Ort"],
    )
    assert _statuses(batch) == ["existing", "in_file"]
    batch = _run(batch, membership, DuplicatePolicy.UPDATE)
    registered.refresh_from_db()
    assert registered.organisation_number == "5560360793"
    assert registered.kommun_code == "2584"
    assert registered.city == "Luleå"
    assert sorted(registered.contacts.values_list("name", flat=True)) == ["Karin Lind", "Per Ek"]
    assert (batch.updated_count, batch.contacts_count) == (1, 1)


def test_a_number_registered_after_the_preview_is_treated_as_registered(world, membership):
    batch = _create(membership, [["556036-0793", "Lagerbolaget", "", "", ""]])
    Employer.objects.create(
        organisation=world.home, name="Lagret", organisation_number="5560360793"
    )
    batch = _run(batch, membership, DuplicatePolicy.SKIP)
    assert batch.rows.get().outcome == Outcome.SKIPPED
    assert Employer.objects.count() == 1


def test_rows_with_errors_fail_with_their_reasons_and_take_their_followers_nothing(
    world, membership
):
    batch = _create(
        membership,
        [
            ["556036-0794", "Felbolaget", "", "", ""],
            ["", "Bageriet", "", "", "070-123 45 67"],
            ["", "Bageriet", "", "Lisa", ""],
        ],
    )
    assert _statuses(batch) == ["error", "error", "new"]
    batch = _run(batch, membership)
    failed = list(batch.rows.filter(outcome=Outcome.FAILED).order_by("index"))
    assert [row.line for row in failed] == [2, 3]
    assert failed[0].outcome_message == (
        "Organisation number: The organisation number 556036-0794 has the wrong check digit."
    )
    assert failed[1].outcome_message == "Contact person: This field is required."
    assert Employer.objects.get().name == "Bageriet"


def test_it_imports_in_chunks_and_never_processes_a_chunk_twice(world, membership, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_SIZE", 2)
    batch = _create(membership, [["", f"Företag {n}", "", "", ""] for n in range(5)])
    import_batch_start(batch=batch, duplicate_policy=DuplicatePolicy.SKIP)
    first = ImportBatch.objects.get(pk=batch.pk)
    stale = ImportBatch.objects.get(pk=batch.pk)
    with transaction.atomic():
        services._run_chunk(first, membership, world.coach)
    # A second request that read the batch before the first moved it on changes nothing.
    with pytest.raises(services._ChunkTaken), transaction.atomic():
        services._run_chunk(stale, membership, world.coach)
    assert Employer.objects.count() == 2
    batch = import_batch_step(batch=batch, membership=membership, actor=world.coach)
    assert (batch.position, batch.status) == (4, BatchStatus.RUNNING)
    batch = import_batch_step(batch=batch, membership=membership, actor=world.coach)
    assert (batch.position, batch.status, batch.created_count) == (5, BatchStatus.DONE, 5)
    assert Employer.objects.count() == 5
    assert import_batch_step(batch=batch, membership=membership, actor=world.coach).position == 5


def test_a_cancelled_import_stops_and_keeps_what_it_imported(world, membership, monkeypatch):
    monkeypatch.setattr(services, "CHUNK_SIZE", 1)
    batch = _create(membership, [["", "Ett", "", "", ""], ["", "Två", "", "", ""]])
    import_batch_start(batch=batch, duplicate_policy=DuplicatePolicy.SKIP)
    import_batch_step(batch=batch, membership=membership, actor=world.coach)
    batch = import_batch_cancel(batch=batch)
    batch = import_batch_step(batch=batch, membership=membership, actor=world.coach)
    assert (batch.status, batch.position) == (BatchStatus.CANCELLED, 1)
    assert list(Employer.objects.values_list("name", flat=True)) == ["Ett"]


def test_confirming_twice_changes_nothing_the_second_time(world, membership):
    batch = _create(membership, [["", "Ett", "", "", ""]])
    import_batch_start(batch=batch, duplicate_policy=DuplicatePolicy.UPDATE)
    batch = import_batch_start(batch=batch, duplicate_policy=DuplicatePolicy.SKIP)
    assert (batch.status, batch.duplicate_policy) == (BatchStatus.RUNNING, DuplicatePolicy.UPDATE)
    assert batch.rows.get().status == RowStatus.NEW
