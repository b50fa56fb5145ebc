from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baslager.messaging.models import Channel, Message, MessageStatus, ReminderConsent
from baslager.messaging.services import message_send, participant_recipient
from baslager.testing.queries import queries_to_get


def sent_to(world, participant, key, status=MessageStatus.SENT):
    participant.email = f"{participant.pk}@example.org"
    participant.save()
    message = message_send(
        organisation=participant.organisation,
        template="session_reminder",
        recipient=participant_recipient(participant),
        channel=Channel.EMAIL,
        event_key=key,
        context={},
        participant=participant,
    )
    Message.objects.filter(pk=message.pk).update(status=status, last_error="SMTP 550 no such user")
    return message


def test_a_coach_sees_the_messages_of_her_own_participants_only(world, signed_in):
    sent_to(world, world.participant, "mine", status=MessageStatus.FAILED)
    sent_to(world, world.colleagues_participant, "colleagues")
    sent_to(world, world.outsiders_participant, "outsiders")

    page = signed_in(world.coach).get(reverse("messaging:list")).content.decode()
    assert f"{world.participant.pk}@" not in page  # addresses are masked
    assert page.count("message-list__item") == 1  # her participant's message
    assert "Failed" in page and "SMTP 550 no such user" in page

    page = signed_in(world.admin).get(reverse("messaging:list")).content.decode()
    assert page.count("message-list__item") == 2  # not the other organisation's


@pytest.mark.parametrize("persona", ["scout", "viewer"])
def test_scouts_and_viewers_see_no_messages(world, signed_in, persona):
    response = signed_in(getattr(world, persona)).get(reverse("messaging:list"))
    assert response.status_code == 403


def test_the_list_filters_by_status(world, signed_in):
    sent_to(world, world.participant, "failed", status=MessageStatus.FAILED)
    sent_to(world, world.colleagues_participant, "sent")
    page = signed_in(world.admin).get(reverse("messaging:list"), {"status": "failed"})
    assert page.content.decode().count("message-list__item") == 1


def test_the_list_takes_the_same_number_of_queries_for_many_messages(world, signed_in):
    client = signed_in(world.admin)
    sent_to(world, world.participant, "one")
    few = queries_to_get(client, reverse("messaging:list"))
    for number in range(20):
        sent_to(world, world.colleagues_participant, f"many-{number}")
    assert queries_to_get(client, reverse("messaging:list")) == few


def test_a_coach_records_and_withdraws_an_agreement(world, signed_in):
    participant = world.participant
    participant.phone = "0701234567"
    participant.save()
    client = signed_in(world.coach)
    url = reverse("messaging:consent", kwargs={"participant": participant.public_id})
    today = timezone.localdate()

    response = client.post(
        url, {"channel": "sms", "given_on": today.isoformat(), "given_how": "paper"}
    )
    assert response.status_code == 302
    consent = ReminderConsent.objects.get()
    assert (consent.channel, consent.given_how, consent.recorded_by) == (
        "sms",
        "paper",
        world.coach,
    )

    response = client.post(
        reverse("messaging:consent_withdraw", kwargs={"participant": participant.public_id}),
        {"withdrawn_on": today.isoformat(), "withdrawn_how": "phone"},
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == today and consent.withdrawn_by == world.coach
    page = client.get(url).content.decode()
    assert "No agreement: no reminders are sent." in page
    assert "withdrawn on" in page


def test_a_rejected_agreement_keeps_what_was_typed(world, signed_in):
    participant = world.participant
    participant.phone = "0701234567"
    participant.email = ""
    participant.save()
    client = signed_in(world.coach)
    url = reverse("messaging:consent", kwargs={"participant": participant.public_id})
    earlier = (timezone.localdate() - timedelta(days=2)).isoformat()

    response = client.post(url, {"channel": "email", "given_on": earlier, "given_how": "phone"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Add the participant&#x27;s e-mail address first." in page
    assert f'value="{earlier}"' in page
    assert '<option value="phone" selected>' in page
    assert not ReminderConsent.objects.exists()


def test_the_agreement_page_of_another_coachs_participant_is_not_found(world, signed_in):
    url = reverse(
        "messaging:consent", kwargs={"participant": world.colleagues_participant.public_id}
    )
    assert signed_in(world.coach).get(url).status_code == 404
