from auditlog.models import LogEntry


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
