from auditlog.models import LogEntry

from baslager.core.access_log import access_record


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
