import pytest
from allauth.mfa.models import Authenticator
from django.utils import translation

from baslager.testing.personas import build_world


@pytest.fixture(autouse=True)
def _in_english():
    """Code outside a request speaks English, so assertions read the msgids whatever the
    Swedish catalogue says. Requests still choose their language in LocaleMiddleware."""
    with translation.override("en"):
        yield


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def client_for(client):
    """``client_for(user)``: the test client signed in as ``user``."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def signed_in(client_for):
    """``client_for`` with the second factor administrators must have, asking for English pages
    so that assertions hold whatever the translations say."""

    def sign_in(user):
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
        )
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign_in
