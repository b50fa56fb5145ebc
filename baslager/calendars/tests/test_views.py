import re

import pytest
from icalendar import Calendar

from baslager.calendars.models import CalendarFeed
from baslager.calendars.services import calendar_feed_create
from baslager.core.secret_links import token_hash
from baslager.plans.tests.helpers import STOCKHOLM, enrol, make_activity, make_occurrence
from baslager.testing.personas import membership_of
from baslager.testing.queries import queries_to_get

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_to_one(world):
    from django.utils import timezone

    activity = make_activity(
        world.home,
        kind="coaching",
        title="Samtal med Amina Hassan",
        is_group=False,
        location="Kontoret",
    )
    enrol(activity, world.participant)
    starts = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    return make_occurrence(activity, starts.astimezone(STOCKHOLM))


def test_the_week_shows_the_coachs_session(world, signed_in, one_to_one):
    response = signed_in(world.coach).get("/calendar/")
    assert response.status_code == 200
    assert "Samtal med Amina Hassan" in response.text
    assert "Amina Hassan" in response.text


def test_the_month_shows_the_coachs_session(world, signed_in, one_to_one):
    response = signed_in(world.coach).get("/calendar/month/")
    assert response.status_code == 200
    assert "Samtal med Amina Hassan" in response.text


def test_a_colleague_does_not_see_a_one_to_one_outside_her_caseload(world, signed_in, one_to_one):
    response = signed_in(world.colleague).get(f"/calendar/?date={one_to_one.starts_at:%Y-%m-%d}")
    assert "Samtal med Amina Hassan" not in response.text


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_scouts_and_viewers_have_no_calendar_of_participants(world, signed_in, role):
    assert signed_in(getattr(world, role)).get("/calendar/").status_code == 403


def test_a_bad_date_shows_this_week(world, signed_in):
    assert signed_in(world.coach).get("/calendar/?date=igår").status_code == 200


def test_the_calendar_pages_take_as_many_queries_however_many_sessions(world, signed_in):
    from django.utils import timezone

    client = signed_in(world.coach)
    today = timezone.localtime().replace(hour=9, minute=0)
    activity = make_activity(world.home, title="Veckomöte", is_group=True)
    enrol(activity, world.participant)
    make_occurrence(activity, today)
    few = {url: queries_to_get(client, url) for url in ("/calendar/", "/calendar/month/")}
    for hour in (11, 13, 15):
        other = make_activity(world.home, kind="coaching", title=f"Samtal {hour}", is_group=False)
        enrol(other, world.participant)
        make_occurrence(other, today.replace(hour=hour))
    assert {url: queries_to_get(client, url) for url in few} == few


def _address_on(page: str) -> str:
    return re.search(r'id="feed-address"[^>]*value="([^"]+)"', page).group(1)


def test_a_coach_makes_a_feed_that_is_shown_once_and_stored_as_a_hash(world, signed_in):
    client = signed_in(world.coach)
    response = client.post("/calendar/subscribe/", {"full_names": ""})
    address = _address_on(response.text)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    feed = CalendarFeed.objects.get()
    assert feed.token_hash == token_hash(token)
    assert token not in str(CalendarFeed.objects.values_list().get())
    assert 'id="feed-address"' not in client.get("/calendar/subscribe/").text


def test_the_feed_shows_initials_by_default(world, client, one_to_one):
    _feed, token = calendar_feed_create(
        membership=membership_of(world.coach), full_names=False, only_mine=False, language="sv"
    )
    response = client.get(f"/calendar/feed/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Coachningssamtal · A. H."]
    assert str(events[0]["location"]) == "Kontoret"
    assert "Amina" not in response.text and "Hassan" not in response.text
    assert events[0]["dtstart"].dt == one_to_one.starts_at


def test_the_feed_shows_full_names_when_chosen(world, client, one_to_one):
    _feed, token = calendar_feed_create(
        membership=membership_of(world.coach), full_names=True, only_mine=False, language="en"
    )
    events = Calendar.from_ical(client.get(f"/calendar/feed/{token}.ics").content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Samtal med Amina Hassan · Amina Hassan"]


def test_a_fetch_is_logged_and_noted(world, client, one_to_one):
    from auditlog.models import LogEntry

    feed, token = calendar_feed_create(
        membership=membership_of(world.coach), full_names=False, only_mine=False, language="sv"
    )
    client.get(f"/calendar/feed/{token}.ics")
    feed.refresh_from_db()
    assert feed.last_fetched_at is not None
    access = LogEntry.objects.get(action=LogEntry.Action.ACCESS)
    assert access.actor == world.coach
    assert access.additional_data["viewed"] == "calendar_feed"


def test_a_revoked_or_replaced_feed_answers_404(world, signed_in, client, one_to_one):
    membership = membership_of(world.coach)
    _feed, first = calendar_feed_create(
        membership=membership, full_names=False, only_mine=False, language="sv"
    )
    _feed, second = calendar_feed_create(
        membership=membership, full_names=False, only_mine=False, language="sv"
    )
    assert client.get(f"/calendar/feed/{first}.ics").status_code == 404
    assert client.get(f"/calendar/feed/{second}.ics").status_code == 200
    signed_in(world.coach).post("/calendar/subscribe/revoke/")
    client.logout()
    assert client.get(f"/calendar/feed/{second}.ics").status_code == 404


def test_the_feed_of_a_member_who_left_answers_404(world, client, one_to_one):
    membership = membership_of(world.coach)
    _feed, token = calendar_feed_create(
        membership=membership, full_names=False, only_mine=False, language="sv"
    )
    membership.delete()
    assert client.get(f"/calendar/feed/{token}.ics").status_code == 404


def test_the_feed_never_shows_more_than_its_owner_may_see(world, client, one_to_one):
    _feed, token = calendar_feed_create(
        membership=membership_of(world.colleague), full_names=True, only_mine=False, language="sv"
    )
    response = client.get(f"/calendar/feed/{token}.ics")
    assert Calendar.from_ical(response.content).walk("VEVENT") == []
