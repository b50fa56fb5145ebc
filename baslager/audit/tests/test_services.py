from auditlog.models import LogEntry

from baslager.audit.services import access_record


def test_it_records_who_looked_at_which_participant(world):
    entry = access_record(instance=world.participant, what="participant_page", actor=world.coach)
    entry.refresh_from_db()
    assert entry.action == LogEntry.Action.ACCESS
    assert entry.actor == world.coach
    assert entry.additional_data == {
        "participant": str(world.participant.public_id),
        "organisation": world.home.pk,
        "viewed": "participant_page",
    }


def test_it_records_changes_to_participant_data(world):
    world.participant.city = "Södertälje"
    world.participant.save()
    entry = (
        LogEntry.objects.get_for_object(world.participant)
        .filter(action=LogEntry.Action.UPDATE)
        .latest("pk")
    )
    assert entry.changes_dict["city"] == ["", "Södertälje"]
    assert entry.additional_data["participant"] == str(world.participant.public_id)
