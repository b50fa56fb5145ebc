"""Activities follow their participants: a one-to-one activity is seen only by those who may see
its participant; group activities are open to the organisation."""

import pytest
from django.http import Http404
from django.urls import reverse

from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.plans.models import Activity, Occurrence
from baslager.testing.personas import membership_of

from .helpers import enrol, make_activity, make_occurrence


def titles(model, user):
    return sorted(str(a) for a in scoped(model, membership_of(user)))


def one_to_one_for(participant, title):
    activity = make_activity(participant.organisation, title=title, is_group=False)
    enrol(activity, participant)
    return activity, make_occurrence(activity)


@pytest.fixture
def activities(world):
    bertils, bertils_occurrence = one_to_one_for(world.colleagues_participant, "Praktik Bertil")
    one_to_one_for(world.participant, "Praktik Amina")
    group = make_activity(world.home, title="Veckomöte", is_group=True)
    enrol(group, world.colleagues_participant)
    make_activity(world.home, title="Ny praktik", is_group=False)
    shared = make_activity(world.home, title="Samtal för två", is_group=False)
    enrol(shared, world.participant)
    enrol(shared, world.colleagues_participant)
    return bertils, bertils_occurrence


def test_each_coach_sees_the_one_to_one_activities_of_her_own_participants(world, activities):
    shared = ["Ny praktik", "Samtal för två", "Veckomöte"]
    assert titles(Activity, world.coach) == sorted([*shared, "Praktik Amina"])
    assert titles(Activity, world.colleague) == sorted([*shared, "Praktik Bertil"])
    assert len(titles(Activity, world.admin)) == 5
    assert titles(Activity, world.scout) == ["Ny praktik", "Veckomöte"]
    assert titles(Activity, world.outsider) == []


def test_an_occurrence_is_seen_by_whoever_sees_its_activity(world, activities):
    bertils, bertils_occurrence = activities
    with pytest.raises(Http404):
        get_scoped_or_404(Occurrence, membership_of(world.coach), pk=bertils_occurrence.pk)
    assert (
        get_scoped_or_404(Occurrence, membership_of(world.colleague), pk=bertils_occurrence.pk)
        == bertils_occurrence
    )
    assert scoped(Occurrence, membership_of(world.coach)).count() == 1


def test_one_to_one_activities_open_up_when_coaches_see_the_whole_organisation(world, activities):
    world.home.coaches_see_all_participants = True
    world.home.save()
    assert len(titles(Activity, world.coach)) == 5


def test_a_coach_can_neither_open_nor_edit_another_coachs_one_to_one_activity(
    world, signed_in, activities
):
    bertils, bertils_occurrence = activities
    client = signed_in(world.coach)
    pages = [
        reverse("plans:activity", kwargs={"activity": bertils.pk}),
        reverse("plans:activity_edit", kwargs={"activity": bertils.pk}),
        reverse("plans:activity_enrol", kwargs={"activity": bertils.pk}),
        reverse("plans:occurrence_create", kwargs={"activity": bertils.pk}),
        reverse("plans:attendance", kwargs={"occurrence": bertils_occurrence.pk}),
    ]
    for url in pages:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "Ändrad", "kind": "internship"}).status_code == 404
    bertils.refresh_from_db()
    assert bertils.title == "Praktik Bertil"
    assert "Praktik Bertil" not in client.get(reverse("plans:activities")).content.decode()
    assert (
        "Praktik Bertil"
        in signed_in(world.colleague)
        .get(reverse("plans:activity", kwargs={"activity": bertils.pk}))
        .content.decode()
    )
    enrol_page = client.get(
        reverse("plans:enrol", kwargs={"participant": world.participant.public_id})
    )
    assert "Praktik Bertil" not in enrol_page.content.decode()
