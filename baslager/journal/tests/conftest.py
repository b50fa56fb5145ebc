import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings


@pytest.fixture
def signed_in(client_for):
    """``client_for`` for anyone, with the second factor administrators must have set up.

    Pages are asked for in English, so the assertions hold whatever Swedish translations say.
    """

    def sign_in(user):
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
        )
        client = client_for(user)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return client

    return sign_in
