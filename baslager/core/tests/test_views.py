from django.urls import reverse

from baslager.accounts.models import User
from baslager.accounts.tests.helpers import give_totp
from baslager.organisations.models import Membership, Role


def test_it_tells_a_person_without_organisation_to_ask_for_one(db, client_for):
    loner = User.objects.create_user("loner@example.org", "x", full_name="Lo Ensam")

    response = client_for(loner).get(reverse("core:home"))

    assert response.status_code == 403
    assert [t.name for t in response.templates][0] == "core/no_membership.html"


def test_it_shows_a_person_their_own_account(world, client_for):
    Membership.objects.create(user=world.coach, organisation=world.other, role=Role.VIEWER)

    page = client_for(world.coach).get(reverse("core:account")).content.decode()

    assert world.coach.email in page
    assert world.coach.full_name in page
    assert world.home.name in page and world.other.name in page
    assert world.colleague.email not in page
    assert reverse("account_change_password") in page
    assert reverse("mfa_index") in page


def test_it_shows_every_role_their_account(world, client_for):
    give_totp(world.admin)
    give_totp(world.outsider)
    for user in (world.admin, world.coach, world.scout, world.viewer, world.outsider):
        response = client_for(user).get(reverse("core:account"))

        assert response.status_code == 200
        assert user.email in response.content.decode()


def test_it_tells_an_admin_when_the_second_factor_is_active(world, client_for):
    give_totp(world.admin)

    page = (
        client_for(world.admin)
        .get(reverse("core:account"), headers={"Accept-Language": "en"})
        .content.decode()
    )

    assert "Authenticator app active" in page


def test_it_forbids_browsers_to_keep_signed_in_pages(world, client_for):
    response = client_for(world.scout).get(reverse("core:home"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"


def test_it_forbids_framing_the_sign_in_page(db, client):
    response = client.get(reverse("account_login"))

    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
