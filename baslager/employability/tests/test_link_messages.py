import re

from django.test import Client
from django.urls import reverse

from baslager.employability.models import AssessmentLink, Occasion
from baslager.messaging.models import Message, MessageStatus


def _start(client, participant, how):
    return client.post(
        reverse("employability:start", kwargs={"participant": participant.public_id}),
        {"occasion": Occasion.INTERIM, "language": "en", "how": how},
    )


def test_the_coach_sends_the_link_by_sms_with_one_click(worker, world, signed_in, sms_provider):
    participant = world.participant
    participant.phone = "070-765 43 21"
    participant.save()
    client = signed_in(world.coach)
    page = client.get(
        reverse("employability:participant", kwargs={"participant": participant.public_id})
    )
    assert 'value="link_sms"' in page.content.decode()
    assert 'value="link_email"' not in page.content.decode()  # no e-mail address

    response = _start(client, participant, "link_sms")
    assert response.status_code == 302
    worker()

    [request] = sms_provider.requests
    assert request["form"]["to"] == "+46707654321"
    text = request["form"]["message"]
    assert "Here are the questions" in text  # the questions' language, English
    token = re.search(r"/employability/answer/([^/]+)/", text).group(1)
    assert (
        Client().get(reverse("employability:respond", kwargs={"token": token})).status_code == 200
    )
    assert AssessmentLink.objects.count() == 1

    page = client.get(response.url).content.decode()
    assert "Self-assessment link" in page and "Sent" in page


def test_a_failed_link_message_shows_on_the_page_it_was_sent_from(world, signed_in, smtp_inbox):
    participant = world.participant
    participant.email = "amina@example.org"
    participant.save()
    client = signed_in(world.coach)
    _start(client, participant, "link_email")
    Message.objects.update(status=MessageStatus.FAILED, last_error="SMTPRecipientsRefused")
    page = client.get(
        reverse("employability:participant", kwargs={"participant": participant.public_id})
    ).content.decode()
    assert "Failed" in page and "SMTPRecipientsRefused" in page


def test_no_link_is_made_when_there_is_no_address(world, signed_in):
    client = signed_in(world.coach)
    response = _start(client, world.participant, "link_email")
    assert response.status_code == 200
    assert "There is no address to send to." in response.content.decode()
    assert not AssessmentLink.objects.exists()
    assert not Message.objects.exists()
