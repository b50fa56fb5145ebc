"""Signing in through allauth: email and password, a second factor for administrators, lockout,
demo accounts and password hashing."""

import importlib

from django.contrib.auth.hashers import make_password
from django.test import override_settings
from django.urls import reverse

from baslager.accounts.models import User
from baslager.core.tests.walk import build_kwargs_registry, project_routes, url_for
from baslager.organisations.models import Role
from baslager.testing.personas import make_user

from .helpers import (
    PASSWORD,
    confirm_password,
    give_totp,
    post_login,
    sign_in_with_totp,
    signed_in_user_id,
    totp_code,
)


def test_it_signs_a_coach_in_with_email_and_password(world, client):
    response = post_login(client, world.coach.email)

    assert response.status_code == 302
    assert response["Location"] == reverse("core:home")
    assert signed_in_user_id(client) == str(world.coach.pk)


def test_it_accepts_the_email_address_in_any_case(world, client):
    post_login(client, world.coach.email.upper())

    assert signed_in_user_id(client) == str(world.coach.pk)


def test_it_refuses_a_wrong_password_and_keeps_the_email(world, client):
    response = post_login(client, world.coach.email, "wrong horse battery staple")

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    assert response.context["form"].errors
    assert 'value="coach@home.example"' in response.content.decode()


def test_it_refuses_an_inactive_account(world, client):
    world.coach.is_active = False
    world.coach.save()

    post_login(client, world.coach.email)

    assert signed_in_user_id(client) is None


def test_it_sends_an_admin_without_totp_to_setup_from_every_product_page(world, client_for):
    registry = build_kwargs_registry(world)
    client = client_for(world.admin)
    setup = reverse("mfa_activate_totp")

    for route in project_routes():
        url = url_for(route, registry)
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302, route.name
            assert response["Location"] == setup, route.name


def test_it_lets_an_admin_without_totp_sign_out(world, client_for):
    client = client_for(world.admin)

    assert client.get(reverse("account_logout")).status_code == 200
    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert signed_in_user_id(client) is None


def test_it_lets_an_admin_set_up_totp_and_then_work(world, client):
    post_login(client, world.admin.email)
    confirm_password(client)
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    assert response.status_code == 302
    assert world.admin.authenticator_set.filter(type="totp").exists()
    assert client.get(reverse("core:account")).status_code == 200


def test_it_refuses_a_wrong_code_when_setting_up_totp(world, client):
    post_login(client, world.admin.email)
    confirm_password(client)
    secret = client.get(reverse("mfa_activate_totp")).context["form"].secret
    wrong = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong})

    assert response.status_code == 200
    assert not world.admin.authenticator_set.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_it_asks_an_admin_with_totp_for_a_code_after_the_password(world, client):
    secret = give_totp(world.admin)

    first = post_login(client, world.admin.email)

    assert first.status_code == 302
    assert first["Location"] == reverse("mfa_authenticate")
    assert signed_in_user_id(client) is None
    assert client.get(reverse("core:account"))["Location"].startswith(reverse("account_login"))

    second = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert second.status_code == 302
    assert second["Location"] == reverse("core:home")
    assert signed_in_user_id(client) == str(world.admin.pk)


def test_it_refuses_an_old_totp_code(world, client):
    secret = give_totp(world.admin)
    post_login(client, world.admin.email)
    valid = {totp_code(secret, periods_ago=n) for n in (-1, 0, 1)}
    old = next(c for n in range(5, 30) if (c := totp_code(secret, periods_ago=n)) not in valid)

    response = client.post(reverse("mfa_authenticate"), {"code": old})

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    assert 'aria-invalid="true"' in response.content.decode()


def test_it_does_not_accept_the_same_totp_code_twice(world, client):
    secret = give_totp(world.admin)
    sign_in_with_totp(client, world.admin, secret)
    client.post(reverse("account_logout"))

    post_login(client, world.admin.email)
    client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})

    assert signed_in_user_id(client) is None


def test_it_locks_an_account_after_five_wrong_passwords(world, client):
    for _attempt in range(5):
        post_login(client, world.coach.email, "wrong horse battery staple")

    response = post_login(client, world.coach.email, PASSWORD)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None
    assert response.context["form"].non_field_errors()


def test_it_locks_only_the_account_that_was_attacked(world, client):
    for _attempt in range(5):
        post_login(client, world.coach.email, "wrong horse battery staple")

    post_login(client, world.colleague.email)

    assert signed_in_user_id(client) == str(world.colleague.pk)


def test_it_refuses_demo_accounts_while_debug_is_off(world, client):
    demo = make_user(world.home, Role.COACH, "demo@home.example", "Dana Demo")
    User.objects.filter(pk=demo.pk).update(is_demo=True)

    response = post_login(client, demo.email)

    assert response.status_code == 200
    assert signed_in_user_id(client) is None


@override_settings(DEBUG=True)
def test_it_lets_a_demo_admin_in_without_totp_while_debug_is_on(world, client):
    demo = make_user(world.home, Role.ADMIN, "demo-admin@home.example", "Dana Demo")
    User.objects.filter(pk=demo.pk).update(is_demo=True)

    response = post_login(client, demo.email)

    assert response["Location"] == reverse("core:home")
    assert signed_in_user_id(client) == str(demo.pk)
    assert client.get(reverse("core:account")).status_code == 200


@override_settings(DEBUG=True)
def test_it_still_asks_a_real_admin_for_totp_while_debug_is_on(world, client_for):
    response = client_for(world.admin).get(reverse("core:account"))

    assert response["Location"] == reverse("mfa_activate_totp")


def test_it_hashes_passwords_with_argon2_in_production():
    real_settings = importlib.import_module("config.settings")

    assert real_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    with override_settings(PASSWORD_HASHERS=real_settings.PASSWORD_HASHERS):
        assert make_password(PASSWORD).startswith("argon2$argon2id$")
