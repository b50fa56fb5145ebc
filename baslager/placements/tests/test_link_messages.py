import re

from django.test import Client
from django.urls import reverse

from baslager.messaging.models import Message, MessageStatus, RecipientKind


def _detail(placement) -> str:
    return reverse("placements:detail", kwargs={"placement": placement.public_id})


def _send(client, placement, channel):
    return client.post(
        reverse("placements:link_create", kwargs={"placement": placement.public_id}),
        {"send": channel},
    )


def test_the_coach_emails_the_supervisor_their_link_with_one_click(
    worker, world, signed_in, placement, supervisor, smtp_inbox
):
    supervisor.email = "stina@lagerbolaget.example"
    supervisor.save()
    client = signed_in(world.coach)
    assert 'name="send" value="email"' in client.get(_detail(placement)).content.decode()

    response = _send(client, placement, "email")
    assert response.status_code == 302
    worker()

    [mail] = smtp_inbox.mails
    assert mail.to == ["stina@lagerbolaget.example"]
    assert world.participant.first_name in mail.body
    assert world.participant.last_name not in mail.body
    token = re.search(r"/placements/supervisor/([^/]+)/", mail.body).group(1)
    supervisor_page = Client().get(reverse("placements:supervisor", kwargs={"token": token}))
    assert supervisor_page.status_code == 200
    message = Message.objects.get()
    assert message.recipient_kind == RecipientKind.SUPERVISOR
    assert message.participant == world.participant
    page = client.get(_detail(placement)).content.decode()
    assert "Supervisor's checklist link" in page and "Sent" in page


def test_the_link_goes_by_sms_to_a_supervisor_with_a_phone(
    worker, world, signed_in, placement, supervisor, sms_provider
):
    supervisor.phone = "073-111 22 33"
    supervisor.save()
    _send(signed_in(world.coach), placement, "sms")
    worker()
    [request] = sms_provider.requests
    assert request["form"]["to"] == "+46731112233"
    assert "/placements/supervisor/" in request["form"]["message"]


def test_a_failed_message_is_shown_where_it_was_sent(world, signed_in, placement, supervisor):
    supervisor.email = "stina@lagerbolaget.example"
    supervisor.save()
    client = signed_in(world.coach)
    _send(client, placement, "email")
    Message.objects.update(status=MessageStatus.FAILED, last_error="SMTPRecipientsRefused")
    page = client.get(_detail(placement)).content.decode()
    assert "Failed" in page and "SMTPRecipientsRefused" in page


def test_without_an_address_no_link_is_made(world, signed_in, placement):
    response = _send(signed_in(world.coach), placement, "sms")
    assert response.status_code == 302
    assert not placement.supervisor_links.exists()
    assert not Message.objects.exists()
    assert _send(signed_in(world.coach), placement, "fax").status_code == 400
