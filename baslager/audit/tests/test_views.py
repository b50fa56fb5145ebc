import csv
import io

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.audit.selectors import audit_entries_for
from baslager.core.access_log import access_record
from baslager.journal.services import case_note_create
from baslager.participants.models import SpecialCategoryData
from baslager.phases.models import Phase
from baslager.testing.personas import make_participant, membership_of

LOG = reverse("audit:log")
EXPORT = reverse("audit:export")


def move_to_city(participant, city, actor):
    with set_actor(actor):
        participant.city = city
        participant.save()


def trail_url(participant):
    return reverse("audit:participant", kwargs={"participant": participant.public_id})


def test_it_shows_the_administrator_a_change_in_their_organisation(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    response = signed_in(world.admin).get(LOG)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Södertälje" in content
    assert "Cecilia Coach" in content
    row = next(r for r in response.context["rows"] if r.entry.action == LogEntry.Action.UPDATE)
    assert row.entry.actor == world.coach
    assert row.participant == world.participant
    assert [(c.field, c.old, c.new) for c in row.changes if c.field == "city"] == [
        ("city", "—", "Södertälje")
    ]
    assert "cannot be changed or deleted" in content


def test_it_never_shows_another_organisations_entries(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    access_record(instance=world.participant, what="participant_page", actor=world.coach)
    response = signed_in(world.outsider).get(LOG)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Södertälje" not in content
    assert "Amina Hassan" not in content
    assert not audit_entries_for(
        membership=membership_of(world.outsider), participant=world.participant
    ).exists()
    organisations = {row.entry.additional_data["organisation"] for row in response.context["rows"]}
    assert organisations == {world.other.pk}


def test_it_answers_404_for_another_organisations_participant_trail(world, signed_in):
    assert signed_in(world.outsider).get(trail_url(world.participant)).status_code == 404


@pytest.mark.parametrize("persona", ["coach", "colleague", "scout", "viewer"])
def test_it_is_for_administrators_only(world, signed_in, persona):
    client = signed_in(getattr(world, persona))
    assert client.get(LOG).status_code == 403
    assert client.get(EXPORT).status_code == 403
    assert client.get(trail_url(world.participant)).status_code == 403
    assert not audit_entries_for(membership=membership_of(getattr(world, persona))).exists()


def test_it_filters_by_participant(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    move_to_city(world.colleagues_participant, "Nyköping", world.colleague)
    client = signed_in(world.admin)

    by_id = client.get(LOG, {"participant": world.colleagues_participant.public_id})
    assert "Nyköping" in by_id.content.decode()
    assert "Södertälje" not in by_id.content.decode()

    by_name = client.get(LOG, {"name": "amina"})
    assert {row.participant for row in by_name.context["rows"]} == {world.participant}
    assert "Södertälje" in by_name.content.decode()


def test_it_asks_which_participant_when_several_match(world, signed_in):
    namesake = make_participant(world.home, world.coach, first_name="Amina", last_name="Ali")
    response = signed_in(world.admin).get(LOG, {"name": "Amina"})
    content = response.content.decode()
    assert response.context["rows"] == []
    assert str(namesake.public_id) in content
    assert str(world.participant.public_id) in content


def test_it_filters_by_user_and_action(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    move_to_city(world.colleagues_participant, "Nyköping", world.colleague)
    access_record(instance=world.participant, what="case_notes", actor=world.colleague)
    client = signed_in(world.admin)

    by_user = client.get(LOG, {"actor": world.colleague.pk})
    assert {row.entry.actor for row in by_user.context["rows"]} == {world.colleague}
    assert "Nyköping" in by_user.content.decode()
    assert "Södertälje" not in by_user.content.decode()

    viewed = client.get(LOG, {"actor": world.colleague.pk, "action": "viewed"})
    assert [row.action for row in viewed.context["rows"]] == ["viewed: case notes"]


def test_it_filters_by_date(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    LogEntry.objects.update(timestamp=timezone.now() - timezone.timedelta(days=10))
    move_to_city(world.participant, "Nyköping", world.coach)
    today = timezone.localdate()
    response = signed_in(world.admin).get(
        LOG, {"since": today.isoformat(), "until": today.isoformat()}
    )
    content = response.content.decode()
    assert "Nyköping" in content
    assert "Södertälje →" not in content
    assert all(timezone.localdate(r.entry.timestamp) == today for r in response.context["rows"])


def test_it_hides_the_values_of_special_category_data_and_case_notes(world, signed_in):
    with set_actor(world.coach):
        SpecialCategoryData.objects.create(
            organisation=world.home, participant=world.participant, health_notes="Diabetes typ 2"
        )
        case_note_create(
            participant=world.participant,
            occurred_on=timezone.localdate(),
            text="Hemlig anteckning",
            author=world.coach,
        )
    response = signed_in(world.admin).get(LOG)
    content = response.content.decode()
    assert "Diabetes typ 2" not in content
    assert "Hemlig anteckning" not in content
    hidden = [c.field for r in response.context["rows"] for c in r.changes if c.values_hidden]
    assert any("health" in fields.split(", ") for fields in hidden)
    assert any("text" in fields.split(", ") for fields in hidden)
    assert "values not shown" in content


def test_it_shows_a_participants_whole_trail_and_logs_the_look(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    access_record(instance=world.participant, what="participant_page", actor=world.coach)
    move_to_city(world.colleagues_participant, "Nyköping", world.colleague)
    response = signed_in(world.admin).get(trail_url(world.participant))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Södertälje" in content
    assert "Cecilia Coach viewed the participant page of Amina Hassan." in content
    assert "Nyköping" not in content
    assert LogEntry.objects.filter(
        actor=world.admin,
        action=LogEntry.Action.ACCESS,
        additional_data__viewed="audit_trail",
        additional_data__participant=str(world.participant.public_id),
    ).exists()


def test_it_reads_the_log_in_a_constant_number_of_queries(world, signed_in):
    client = signed_in(world.admin)
    phases = list(Phase.objects.filter(organisation=world.home).order_by("position"))

    def queries_for(count):
        LogEntry.objects.all().delete()
        for i in range(count):
            with set_actor(world.coach if i % 2 else world.colleague):
                world.participant.city = f"Stad {i}"
                world.participant.current_phase = phases[i % len(phases)]
                world.participant.save()
        with CaptureQueriesContext(connection) as context:
            response = client.get(LOG, {"action": "changed"})
        assert len(response.context["rows"]) == count
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(20)


def test_it_shows_a_changed_phase_by_name(world, signed_in):
    phases = list(Phase.objects.filter(organisation=world.home).order_by("position"))
    with set_actor(world.coach):
        world.participant.current_phase = phases[1]
        world.participant.save()
    response = signed_in(world.admin).get(LOG, {"action": "changed"})
    changes = [(c.old, c.new) for r in response.context["rows"] for c in r.changes]
    assert (str(phases[0]), str(phases[1])) in changes


def test_it_exports_the_filtered_log_as_csv_and_logs_the_export(world, signed_in):
    move_to_city(world.participant, "Södertälje", world.coach)
    move_to_city(world.colleagues_participant, "=Nyköping", world.colleague)
    client = signed_in(world.admin)
    response = client.get(EXPORT, {"actor": world.colleague.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["When", "Who", "Email", "What", "Action"]
    body = rows[1:]
    assert body
    assert {row[1] for row in body} == {"Kalle Kollega"}
    changed = next(row for row in body if "city" in row[5])
    assert "city: — → =Nyköping" in changed[5]
    assert changed[6] == "Bertil Berg"
    assert changed[7] == str(world.colleagues_participant.public_id)
    assert not any("Södertälje" in cell for row in body for cell in row)
    assert LogEntry.objects.filter(
        actor=world.admin,
        action=LogEntry.Action.ACCESS,
        additional_data__viewed="audit_log_export",
        additional_data__organisation=world.home.pk,
    ).exists()


def test_it_keeps_spreadsheet_formulas_out_of_the_export(world, signed_in):
    move_to_city(world.participant, "x", world.coach)
    with set_actor(world.coach):
        world.participant.last_name = "=HYPERLINK()"
        world.participant.save()
    response = signed_in(world.admin).get(EXPORT, {"participant": world.participant.public_id})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert all(not cell.startswith("=") for row in rows for cell in row)


def test_it_pages_the_log_fifty_entries_at_a_time(world, signed_in):
    LogEntry.objects.all().delete()
    for _ in range(52):
        access_record(instance=world.participant, what="participant_page", actor=world.coach)
    client = signed_in(world.admin)
    first = client.get(LOG, {"action": "viewed"})
    assert len(first.context["rows"]) == 50
    assert 'href="?action=viewed&amp;page=2"' in first.content.decode()
    second = client.get(LOG, {"action": "viewed", "page": 2})
    assert len(second.context["rows"]) == 2


def test_entries_read_as_sentences_in_the_interface_language_without_sensitive_values(
    world, signed_in
):
    with set_actor(world.coach):
        data = SpecialCategoryData.objects.create(
            organisation=world.home, participant=world.participant, health_notes="Migrän"
        )
        data.has_disability = "yes"
        data.save()
        world.participant.driving_licences = ["B"]
        world.participant.save()
    client = signed_in(world.admin)
    content = client.get(trail_url(world.participant)).content.decode()
    assert "Cecilia Coach changed the special-category data of Amina Hassan." in content
    assert "Cecilia Coach changed participant “Amina Hassan”." in content
    assert "object (" not in content and "Migrän" not in content
    assert "<strong>disability</strong>:" in content and "values not shown" in content
    assert "[&quot;B&quot;]" not in content and '["B"]' not in content
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "sv"
    content = client.get(trail_url(world.participant)).content.decode()
    assert "Cecilia Coach ändrade känsliga personuppgifter för Amina Hassan." in content
    assert "<strong>funktionsnedsättning</strong>" in content
