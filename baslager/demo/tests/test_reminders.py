import pytest

from baslager.demo.services import demo_data_delete, demo_data_load
from baslager.messaging.models import Channel, ReminderConsent
from baslager.messaging.services import current_consent

pytestmark = pytest.mark.django_db


def test_some_demo_participants_agreed_to_reminders_by_a_channel_they_gave():
    demo_data_load(participants=40)
    consents = ReminderConsent.objects.select_related("participant")
    assert 0 < consents.count() < 40
    for consent in consents:
        address = (
            consent.participant.phone
            if consent.channel == Channel.SMS
            else (consent.participant.email)
        )
        assert address
        assert consent.participant.enrolments.exists()
        assert current_consent(consent.participant) == consent
    demo_data_delete()
    assert not ReminderConsent.objects.exists()
