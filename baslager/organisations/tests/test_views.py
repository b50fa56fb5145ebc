import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.test import Client
from django.urls import reverse

from baslager.accounts.models import User
from baslager.organisations.models import Membership, Role
from baslager.testing.personas import membership_of


@pytest.mark.parametrize("persona", ["coach", "scout", "viewer"])
def test_it_keeps_organisation_pages_for_administrators(world, signed_in, persona):
    client = signed_in(getattr(world, persona))
    assert client.get(reverse("organisations:settings")).status_code == 403
    assert client.get(reverse("organisations:members")).status_code == 403


def test_it_checks_ownership_of_memberships(world, signed_in):
    url = reverse("organisations:member_edit", kwargs={"member": membership_of(world.coach).pk})
    assert signed_in(world.outsider).get(url).status_code == 404
    remove = reverse(
        "organisations:member_remove", kwargs={"member": membership_of(world.coach).pk}
    )
    assert signed_in(world.outsider).post(remove).status_code == 404
    assert Membership.objects.filter(user=world.coach).exists()


def test_it_lets_the_administrator_open_the_organisation_to_all_coaches(world, signed_in):
    response = signed_in(world.admin).post(
        reverse("organisations:settings"),
        {
            "name": "Hemmaorganisationen",
            "kommun_code": "0181",
            "coaches_see_all_participants": "on",
            "days_without_contact": "21",
        },
    )
    assert response.status_code == 302
    world.home.refresh_from_db()
    assert world.home.coaches_see_all_participants
    entry = LogEntry.objects.get_for_object(world.home).latest("pk")
    assert entry.actor == world.admin
    assert entry.additional_data == {"organisation": world.home.pk}


def test_it_lists_only_the_organisations_members(world, signed_in):
    page = signed_in(world.admin).get(reverse("organisations:members")).content.decode()
    assert "Cecilia Coach" in page and "Sam Scout" in page
    assert "Olle Outsider" not in page


def test_it_invites_a_new_member_who_chooses_their_own_password(
    world, signed_in, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(world.admin).post(
            reverse("organisations:members"),
            {"email": "Ny.Coach@Home.example", "full_name": "Nora Ny", "role": Role.COACH},
        )
    assert response.status_code == 302
    user = User.objects.get(email="ny.coach@home.example")
    assert not user.has_usable_password()
    assert membership_of(user).role == Role.COACH
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ny.coach@home.example"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/" in line)
    page = Client().get(link, follow=True).content.decode()
    assert 'name="password1"' in page


def test_it_adds_an_existing_user_without_an_invitation(world, signed_in):
    response = signed_in(world.admin).post(
        reverse("organisations:members"),
        {
            "email": "admin@other.example",
            "full_name": "",
            "role": Role.VIEWER,
            "title": "Styrgrupp",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=world.outsider, organisation=world.home).role == Role.VIEWER
    assert mail.outbox == []


def test_it_keeps_what_was_typed_when_the_name_is_missing(world, signed_in):
    response = signed_in(world.admin).post(
        reverse("organisations:members"),
        {"email": "okand@home.example", "full_name": "", "role": Role.COACH, "title": "Jobbcoach"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the name of the new member." in page
    assert 'value="okand@home.example"' in page and 'value="Jobbcoach"' in page
    assert not User.objects.filter(email="okand@home.example").exists()


def test_it_refuses_to_leave_the_organisation_without_an_administrator(world, signed_in):
    url = reverse("organisations:member_edit", kwargs={"member": membership_of(world.admin).pk})
    response = signed_in(world.admin).post(url, {"role": Role.COACH, "title": ""})
    assert "The organisation must keep at least one administrator." in response.content.decode()
    assert membership_of(world.admin).role == Role.ADMIN


def test_it_ends_a_membership_and_the_caseload_with_it(world, signed_in):
    url = reverse("organisations:member_remove", kwargs={"member": membership_of(world.coach).pk})
    response = signed_in(world.admin).post(url)
    assert response.status_code == 302
    assert not Membership.objects.filter(user=world.coach).exists()
    assert not world.participant.coaches.filter(pk=world.coach.pk).exists()
