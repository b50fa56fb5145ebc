"""The page a placement's supervisor opens with the secret link, without signing in."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.handbook.models import ChecklistStage, ChecklistTemplate, ChecklistTemplateItem
from baslager.handbook.services import checklist_template_save
from baslager.openings.models import OpeningKind
from baslager.participants.models import IdKind, SpecialCategoryData
from baslager.placements.models import PlacementChecklistItem
from baslager.placements.services import (
    checklist_item_tick,
    placement_create,
    placement_end,
    supervisor_link_create,
)

IDENTITY_NUMBER = "198705142389"


@pytest.fixture
def token(world, placement):
    participant = world.participant
    participant.id_kind = IdKind.PERSONNUMMER
    participant.id_number = IDENTITY_NUMBER
    participant.email = "amina.hassan@example.se"
    participant.support_needs = "Behöver lugn miljö"
    participant.save()
    SpecialCategoryData.objects.create(
        organisation=world.home, participant=participant, health_notes="Diabetes typ 1"
    )
    return supervisor_link_create(placement=placement, actor=world.coach)[1]


def _page(token) -> str:
    return reverse("placements:supervisor", kwargs={"token": token})


def _tick(token, item) -> str:
    return reverse("placements:supervisor_tick", kwargs={"token": token, "item": item.pk})


def test_the_coach_makes_a_link_and_sees_it_once(world, signed_in, placement):
    client = signed_in(world.coach)
    url = reverse("placements:link_create", kwargs={"placement": placement.public_id})
    body = client.post(url).content.decode()
    assert "/placements/supervisor/" in body and "shown only this once" in body
    again = client.get(
        reverse("placements:detail", kwargs={"placement": placement.public_id})
    ).content.decode()
    assert "/placements/supervisor/" not in again and "works until" in again


def test_the_supervisor_sees_the_first_name_and_the_checklists_and_nothing_more(
    world, placement, token
):
    response = _supervisors_browser().get(_page(token))
    body = response.content.decode()
    assert response.status_code == 200
    assert world.participant.first_name in body
    assert "Lagerbolaget AB" in body and "Utse handledare och ersättare" in body
    assert world.coach.full_name in body and world.coach.email in body
    for secret in (
        world.participant.last_name,
        IDENTITY_NUMBER,
        IDENTITY_NUMBER[2:8],
        "amina.hassan@example.se",
        "Behöver lugn miljö",
        "Diabetes",
    ):
        assert secret not in body, secret
    assert "no-store" in response["Cache-Control"]


def test_every_opening_of_the_page_is_logged(world, placement, token):
    client = _supervisors_browser()
    client.get(_page(token))
    client.get(_page(token))
    opened = LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, additional_data__viewed="supervisor_page"
    )
    assert opened.count() == 2
    assert opened.first().additional_data["participant"] == str(world.participant.public_id)


def test_the_supervisor_ticks_items_off(world, placement, token):
    item = placement.checklists.first().items.first()
    client = _supervisors_browser()
    response = client.post(_tick(token, item), {"done": "1"}, headers={"HX-Request": "true"})
    item.refresh_from_db()
    assert response.status_code == 200
    assert item.done_by_supervisor and item.done_by is None and item.done_at is not None
    assert "Ticked off by the supervisor" in response.content.decode()
    response = client.post(_tick(token, item), {"done": "0"})
    item.refresh_from_db()
    assert response.status_code == 302 and response["Location"] == _page(token)
    assert item.done_at is None and not item.done_by_supervisor


def test_the_coach_sees_what_the_supervisor_ticked(world, signed_in, placement, token):
    item = placement.checklists.first().items.first()
    _supervisors_browser().post(_tick(token, item), {"done": "1"})
    page = signed_in(world.coach).get(
        reverse("placements:detail", kwargs={"placement": placement.public_id})
    )
    assert "Ticked off by the supervisor" in page.content.decode()


def test_the_link_ticks_only_its_own_placements_items(world, placement, token, coach_membership):
    other = placement_create(
        membership=coach_membership,
        actor=world.coach,
        data={
            "participant": world.participant,
            "employer": placement.employer,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate(),
        },
    )
    item = other.checklists.first().items.first()
    assert _supervisors_browser().post(_tick(token, item), {"done": "1"}).status_code == 404
    item.refresh_from_db()
    assert item.done_at is None


def test_a_wrong_revoked_or_expired_link_answers_404(world, signed_in, placement, token):
    client = _supervisors_browser()
    item = placement.checklists.first().items.first()
    assert client.get(_page(token[:-2] + "xx")).status_code == 404
    signed_in(world.coach).post(
        reverse("placements:link_revoke", kwargs={"placement": placement.public_id})
    )
    assert client.get(_page(token)).status_code == 404
    assert client.post(_tick(token, item), {"done": "1"}).status_code == 404
    _, fresh = supervisor_link_create(placement=placement, actor=world.coach)
    assert client.get(_page(fresh)).status_code == 200
    placement.starts_on = timezone.localdate() - timedelta(days=100)
    placement.save()
    placement_end(placement=placement, ended_on=timezone.localdate() - timedelta(days=31))
    assert client.get(_page(fresh)).status_code == 404
    item.refresh_from_db()
    assert item.done_at is None


def test_the_supervisor_page_takes_the_same_queries_for_longer_lists(
    world, placement, token, coach_membership
):
    client = _supervisors_browser()
    with CaptureQueriesContext(connection) as short:
        client.get(_page(token))
    checklist_template_save(
        checklist=ChecklistTemplate(organisation=world.home),
        data={"stage": ChecklistStage.FIRST_WEEK, "title": "Lager"},
        items=[ChecklistTemplateItem(text=f"Steg {n}", who="supervisor") for n in range(8)],
        deleted_items=[],
    )
    longer = placement_create(
        membership=coach_membership,
        actor=world.coach,
        data={
            "participant": world.participant,
            "employer": placement.employer,
            "supervisor": placement.supervisor,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate(),
        },
    )
    assert longer.checklists.count() == placement.checklists.count() + 1
    for item in PlacementChecklistItem.objects.filter(checklist__placement=longer)[:6]:
        checklist_item_tick(item=item, done=True, by_supervisor=True)
    longer_token = supervisor_link_create(placement=longer, actor=world.coach)[1]
    with CaptureQueriesContext(connection) as long:
        assert client.get(_page(longer_token)).status_code == 200
    assert len(long) == len(short)


def _supervisors_browser() -> Client:
    """An anonymous visitor whose browser asks for English, so assertions read the msgids."""
    return Client(headers={"accept-language": "en"})
