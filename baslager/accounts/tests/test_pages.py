"""allauth's pages in Basläger's clothes: our layout, labelled fields, both languages."""

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core import mail
from django.urls import reverse

from baslager.accounts.models import User

from .helpers import confirm_password, give_totp, post_login, sign_in_with_totp


def in_language(client, code: str):
    client.cookies["django_language"] = code
    return client


@pytest.mark.parametrize(
    ("language", "heading", "password_label"),
    [("en", "Sign in to Basläger", "Password"), ("sv", "Basläger", "Lösenord")],
)
def test_it_shows_the_sign_in_page_in_our_layout(db, client, language, heading, password_label):
    page = in_language(client, language).get(reverse("account_login")).content.decode()

    assert f'<html lang="{language}"' in page
    assert 'href="/static/baslager/app.css"' in page
    assert 'class="form"' in page
    assert '<label for="id_login">' in page
    assert f'<label for="id_password">{password_label}</label>' in page
    assert 'class="button"' in page
    assert heading in page


def test_it_offers_no_sign_up_on_the_sign_in_page(db, client):
    page = client.get(reverse("account_login")).content.decode()

    assert reverse("account_signup") not in page


def test_it_explains_that_accounts_come_from_an_administrator(db, client):
    response = in_language(client, "en").post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "x" * 20, "password2": "x" * 20},
    )

    assert "You cannot create an account yourself" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_it_summarises_sign_in_errors_with_links_to_the_fields(db, client):
    response = in_language(client, "en").post(
        reverse("account_login"), {"login": "", "password": ""}
    )
    page = response.content.decode()

    assert 'class="error-summary"' in page
    assert 'href="#id_login"' in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_login_error"' in page


def test_it_shows_the_totp_setup_page_with_a_qr_code_and_the_secret(world, client):
    post_login(in_language(client, "en"), world.admin.email)
    confirm_password(client)

    response = client.get(reverse("mfa_activate_totp"))
    page = response.content.decode()

    assert "Set up your authenticator app" in page
    assert 'alt="QR code for your authenticator app"' in page
    assert response.context["form"].secret in page
    assert '<label for="id_code">' in page
    assert 'class="site-header"' in page


def test_it_shows_the_code_step_of_sign_in_in_our_layout(world, client):
    give_totp(world.admin)
    post_login(in_language(client, "en"), world.admin.email)

    page = client.get(reverse("mfa_authenticate")).content.decode()

    assert "Enter the code from your authenticator app" in page
    assert '<label for="id_code">' in page
    assert 'form="logout-from-stage"' in page


def test_it_shows_recovery_codes_to_their_owner(world, client):
    secret = give_totp(world.admin)
    codes = RecoveryCodes.activate(world.admin)
    sign_in_with_totp(in_language(client, "en"), world.admin, secret)
    confirm_password(client)

    page = client.get(reverse("mfa_view_recovery_codes")).content.decode()

    assert codes.get_unused_codes()[0] in page
    assert '<label for="recovery_codes">' in page
    assert 'class="button"' in page


def test_it_shows_the_password_change_page(world, client):
    post_login(in_language(client, "en"), world.coach.email)

    page = client.get(reverse("account_change_password")).content.decode()

    assert '<label for="id_oldpassword">' in page
    assert 'class="error-summary"' not in page
    assert 'class="form"' in page


def test_it_asks_before_signing_out(world, client_for):
    page = in_language(client_for(world.coach), "en").get(reverse("account_logout"))

    assert page.status_code == 200
    assert 'action="/accounts/logout/"' in page.content.decode()


def test_it_asks_for_the_password_again_in_our_layout(world, client):
    post_login(in_language(client, "en"), world.admin.email)

    response = client.get(reverse("mfa_activate_totp"), follow=True)
    page = response.content.decode()

    assert response.resolver_match.url_name == "account_reauthenticate"
    assert '<label for="id_password">' in page
    assert 'class="site-header"' in page


def test_it_mails_a_password_reset_link(world, client):
    page = in_language(client, "en").get(reverse("account_reset_password")).content.decode()
    assert '<label for="id_email">' in page

    response = client.post(reverse("account_reset_password"), {"email": world.coach.email})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.coach.email]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_it_shows_the_second_factor_settings_in_our_layout(world, client):
    secret = give_totp(world.admin)
    RecoveryCodes.activate(world.admin)
    sign_in_with_totp(in_language(client, "en"), world.admin, secret)
    confirm_password(client)

    for name in ("mfa_index", "mfa_deactivate_totp", "mfa_generate_recovery_codes"):
        response = client.get(reverse(name))
        page = response.content.decode()

        assert response.status_code == 200, name
        assert 'class="site-header"' in page, name
        assert 'class="button' in page, name
        assert page.count("<h1") == 1, name
