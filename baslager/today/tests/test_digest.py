from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from baslager.messaging.models import Message
from baslager.plans.models import Activity, ActivityKind, Enrolment, Occurrence
from baslager.testing.personas import membership_of
from baslager.today.jobs import daily_digests
from baslager.today.models import DailyDigest
from baslager.today.services import daily_digest_set

MONDAY = datetime(2030, 3, 4).date()


def _sessions_for(world, count: int) -> None:
    """``count`` sessions on Monday of activities the coach's participant attends."""
    activity = Activity.objects.create(
        organisation=world.home,
        kind=ActivityKind.COACHING,
        title="Samtal med Amina Hassan om hennes diabetes",
    )
    Enrolment.objects.create(
        organisation=world.home, activity=activity, participant=world.participant
    )
    for hour in range(9, 9 + count):
        Occurrence.objects.create(
            organisation=world.home,
            activity=activity,
            starts_at=timezone.make_aware(datetime.combine(MONDAY, time(hour))),
        )


@pytest.mark.django_db
def test_a_coach_starts_and_stops_the_morning_email_from_the_start_page(world, signed_in):
    client = signed_in(world.coach)
    assert "Send me the morning e-mail" in client.get("/").text
    client.post(reverse("core:digest"), {"wanted": "1"})
    assert DailyDigest.objects.get().membership == membership_of(world.coach)
    assert "Stop the morning e-mail" in client.get("/").text
    client.post(reverse("core:digest"), {"wanted": "0"})
    assert not DailyDigest.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_scouts_and_viewers_have_no_morning_email(world, signed_in, role):
    client = signed_in(getattr(world, role))
    assert client.post(reverse("core:digest"), {"wanted": "1"}).status_code == 403
    assert "morning e-mail" not in client.get("/").text


def test_the_digest_is_sent_once_a_day_with_counts_and_no_names(
    worker, world, smtp_inbox, settings
):
    settings.SITE_URL = "https://baslager.example"
    _sessions_for(world, 2)
    daily_digest_set(membership=membership_of(world.coach), wanted=True)
    daily_digest_set(membership=membership_of(world.admin), wanted=True)  # nothing waits

    assert daily_digests.call(day=MONDAY.isoformat()) == 1
    assert daily_digests.call(day=MONDAY.isoformat()) == 0
    worker()

    [mail] = smtp_inbox.mails
    assert mail.to == [world.coach.email]
    assert "- 2 träffar i dag" in mail.body  # staff mail is in Swedish, the default language
    assert "https://baslager.example/" in mail.body
    for secret in ("Amina", "Hassan", "diabetes"):
        assert secret not in mail.body and secret not in mail.subject
    assert Message.objects.get().template_key == "daily_digest"


def test_the_next_day_is_a_new_digest_and_a_stopped_one_is_not_sent(worker, world, smtp_inbox):
    _sessions_for(world, 1)
    membership = membership_of(world.coach)
    daily_digest_set(membership=membership, wanted=True)
    assert daily_digests.call(day=MONDAY.isoformat()) == 1
    daily_digest_set(membership=membership, wanted=False)
    assert daily_digests.call(day=(MONDAY - timedelta(days=1)).isoformat()) == 0
    worker()
    assert len(smtp_inbox.mails) == 1
