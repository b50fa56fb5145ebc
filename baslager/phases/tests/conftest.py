import pytest
from allauth.mfa.models import Authenticator
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english():
    """Messages are asserted in their English msgids, whatever Swedish translation exists."""
    with translation.override("en"):
        yield


@pytest.fixture
def signed_in(client_for):
    """``client_for`` for anyone, with the second factor administrators must have set up."""

    def sign_in(user):
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
        )
        client = client_for(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
        return client

    return sign_in
