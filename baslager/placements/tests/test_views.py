from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from baslager.employers.models import Supervisor
from baslager.openings.models import OpeningKind
from baslager.organisations.models import Membership
from baslager.placements.models import Placement, PlacementChecklistItem
from baslager.placements.services import placement_create
from baslager.testing.personas import make_participant


def _detail(placement) -> str:
    return reverse("placements:detail", kwargs={"placement": placement.public_id})


def _tick_url(placement, item) -> str:
    return reverse("placements:tick", kwargs={"placement": placement.public_id, "item": item.pk})


def test_a_coach_places_a_participant_from_their_page(world, signed_in, employer, supervisor):
    client = signed_in(world.coach)
    page = client.get(
        reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    )
    create_url = f"{reverse('placements:create')}?participant={world.participant.public_id}"
    assert create_url in page.content.decode()
    form = client.get(create_url).content.decode()
    assert f'value="{world.participant.public_id}" selected' in form
    response = client.post(
        create_url,
        {
            "participant": world.participant.public_id,
            "employer": employer.public_id,
            "supervisor": supervisor.pk,
            "kind": OpeningKind.INTERNSHIP,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    placement = Placement.objects.get(participant=world.participant)
    assert response.status_code == 302 and response["Location"] == _detail(placement)
    assert placement.checklists.count() == 4
    page = client.get(response["Location"]).content.decode()
    assert "Lagerbolaget AB" in page and "Utse handledare och ersättare" in page


def test_placing_someone_with_a_full_supervisor_warns_but_saves(
    world, signed_in, placement, supervisor
):
    other = make_participant(world.home, world.coach, first_name="Omar", last_name="Olsson")
    response = signed_in(world.coach).post(
        reverse("placements:create"),
        {
            "participant": other.public_id,
            "employer": supervisor.employer.public_id,
            "supervisor": supervisor.pk,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate().isoformat(),
        },
        follow=True,
    )
    assert Placement.objects.filter(participant=other, supervisor=supervisor).exists()
    assert "more participants than the 1 they have room for" in response.content.decode()


def test_a_coach_places_someone_from_an_opening(world, signed_in, opening, supervisor):
    opening.supervisor = supervisor
    opening.save()
    client = signed_in(world.coach)
    page = client.get(reverse("openings:detail", kwargs={"opening": opening.public_id}))
    create_url = f"{reverse('placements:create')}?opening={opening.public_id}"
    assert create_url in page.content.decode()
    form = client.get(create_url).content.decode()
    assert world.participant.full_name in form
    assert world.colleagues_participant.full_name not in form
    assert f'value="{supervisor.pk}" selected' in form
    response = client.post(
        create_url,
        {
            "participant": world.participant.public_id,
            "opening": opening.public_id,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    placement = Placement.objects.get()
    assert response.status_code == 302
    assert (placement.opening, placement.kind) == (opening, OpeningKind.WORK_TRAINING)


def test_scouts_get_no_place_link_on_an_opening(world, signed_in, opening):
    page = signed_in(world.scout).get(
        reverse("openings:detail", kwargs={"opening": opening.public_id})
    )
    assert reverse("placements:create") not in page.content.decode()


def test_the_form_refuses_a_participant_outside_the_caseload(world, signed_in, employer):
    response = signed_in(world.coach).post(
        reverse("placements:create"),
        {
            "participant": world.colleagues_participant.public_id,
            "employer": employer.public_id,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Placement.objects.exists()


def test_the_form_refuses_a_supervisor_of_another_employer(world, signed_in, employer, opening):
    other = Supervisor.objects.create(
        organisation=world.home,
        employer=type(employer).objects.create(organisation=world.home, name="Annat AB"),
        name="Per Annan",
    )
    response = signed_in(world.coach).post(
        reverse("placements:create"),
        {
            "participant": world.participant.public_id,
            "employer": employer.public_id,
            "supervisor": other.pk,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Choose a supervisor at the placement&#x27;s employer." in response.content.decode()
    assert not Placement.objects.exists()


def test_a_coach_ticks_an_item_off_with_htmx(world, signed_in, placement):
    item = placement.checklists.first().items.first()
    total = PlacementChecklistItem.objects.filter(checklist__placement=placement).count()
    response = signed_in(world.coach).post(
        _tick_url(placement, item), {"done": "1"}, headers={"HX-Request": "true"}
    )
    item.refresh_from_db()
    body = response.content.decode()
    assert response.status_code == 200 and item.done_by == world.coach
    assert f"1 of {total}" in body and 'aria-pressed="true"' in body
    assert "<html" not in body


def test_ticking_works_without_javascript_too(world, signed_in, placement):
    item = placement.checklists.first().items.first()
    client = signed_in(world.admin)
    response = client.post(_tick_url(placement, item), {"done": "1"})
    assert response.status_code == 302
    response = client.post(_tick_url(placement, item), {"done": "0"})
    item.refresh_from_db()
    assert item.done_at is None
    assert client.post(_tick_url(placement, item), {"done": "maybe"}).status_code == 400


def test_others_cannot_open_or_tick_the_placement(world, signed_in, placement):
    item = placement.checklists.first().items.first()
    expected = {world.colleague: 404, world.outsider: 404, world.scout: 403, world.viewer: 403}
    for user, status in expected.items():
        client = signed_in(user)
        assert client.get(_detail(placement)).status_code == status, user
        assert client.post(_tick_url(placement, item), {"done": "1"}).status_code == status, user
    item.refresh_from_db()
    assert item.done_at is None


def test_a_colleague_cannot_tick_through_their_own_placement(world, signed_in, employer, placement):
    """An item of another placement is not found through a placement the coach may see."""
    theirs = placement_create(
        membership=Membership.objects.get(user=world.colleague),
        actor=world.colleague,
        data={
            "participant": world.colleagues_participant,
            "employer": employer,
            "kind": OpeningKind.JOB,
            "starts_on": timezone.localdate(),
        },
    )
    item = placement.checklists.first().items.first()
    response = signed_in(world.colleague).post(_tick_url(theirs, item), {"done": "1"})
    assert response.status_code == 404


def test_the_participants_page_shows_placements_with_progress(world, signed_in, placement):
    item = placement.checklists.first().items.first()
    client = signed_in(world.coach)
    client.post(_tick_url(placement, item), {"done": "1"})
    total = PlacementChecklistItem.objects.filter(checklist__placement=placement).count()
    page = client.get(
        reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    ).content.decode()
    assert _detail(placement) in page and f"checklists 1 of {total} done" in page


def test_a_coach_edits_and_ends_a_placement(world, signed_in, placement):
    client = signed_in(world.coach)
    url = reverse("placements:edit", kwargs={"placement": placement.public_id})
    new_end = placement.starts_on + timedelta(days=30)
    response = client.post(
        url,
        {
            "supervisor": placement.supervisor_id,
            "kind": OpeningKind.WORK_TRAINING,
            "starts_on": placement.starts_on.isoformat(),
            "ends_on": new_end.isoformat(),
            "status": "ongoing",
        },
    )
    assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.kind, placement.ends_on) == (OpeningKind.WORK_TRAINING, new_end)
    end_url = reverse("placements:end", kwargs={"placement": placement.public_id})
    response = client.post(
        end_url, {"ended_on": timezone.localdate().isoformat(), "result_note": "Fick jobb"}
    )
    placement.refresh_from_db()
    assert response.status_code == 302 and placement.status == "ended"
    assert "Fick jobb" in client.get(_detail(placement)).content.decode()


def test_the_supervisors_page_lists_only_placements_the_member_may_see(
    world, signed_in, client_for, placement, supervisor
):
    url = reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk})
    coach_page = signed_in(world.coach).get(url).content.decode()
    assert world.participant.full_name in coach_page and _detail(placement) in coach_page
    assert "Capacity used: 1 of 1" in coach_page
    for user in (world.scout, world.colleague):
        page = client_for(user).get(url).content.decode()
        assert world.participant.first_name not in page
        assert "Capacity used: 1 of 1" in page


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_supervisors_page_takes_as_many_queries_for_many_placements_as_for_one(
    world, signed_in, coach_membership, placement, supervisor
):
    client = signed_in(world.coach)
    url = reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk})
    one = _count_queries(client, url)
    for number in range(4):
        placement_create(
            membership=coach_membership,
            actor=world.coach,
            data={
                "participant": make_participant(world.home, world.coach, first_name=f"P{number}"),
                "employer": supervisor.employer,
                "supervisor": supervisor,
                "kind": OpeningKind.JOB,
                "starts_on": timezone.localdate(),
            },
        )
    assert _count_queries(client, url) == one


def test_the_placement_page_takes_the_same_queries_however_many_items_are_done(
    world, signed_in, placement
):
    client = signed_in(world.coach)
    none_done = _count_queries(client, _detail(placement))
    for item in PlacementChecklistItem.objects.filter(checklist__placement=placement)[:5]:
        client.post(_tick_url(placement, item), {"done": "1"})
    assert _count_queries(client, _detail(placement)) == none_done
