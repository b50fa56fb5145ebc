import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings


@pytest.fixture
def signed_in(client_for):
    """``client_for`` with the second factor administrators must have, asking for English pages
    so that assertions hold whatever the translations say."""

    def sign_in(user):
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
        )
        client = client_for(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return sign_in
