"""Signing in the way a person does: through allauth's forms, with a real TOTP code."""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.urls import reverse

PASSWORD = "correct horse battery staple"


def give_totp(user) -> str:
    """Activate an authenticator app for ``user``; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str, *, periods_ago: int = 0) -> str:
    """The code an authenticator app shows now (or ``periods_ago`` periods back)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD - periods_ago
    return format_hotp_value(hotp_value(secret, counter))


def post_login(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def sign_in_with_totp(client, user, secret: str):
    """Both steps of an administrator's sign-in; returns the response to the second."""
    first = post_login(client, user.email)
    assert first.status_code == 302 and first["Location"] == reverse("mfa_authenticate")
    return client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def confirm_password(client):
    """allauth asks for the password again before any change to the second factor."""
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302, response.content.decode()
    return response
