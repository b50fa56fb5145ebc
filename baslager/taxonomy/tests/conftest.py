import pytest
from allauth.mfa.models import Authenticator


@pytest.fixture
def signed_in(client_for):
    """``client_for`` for anyone, with the second factor administrators must have set up."""

    def sign_in(user):
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "test"}}
        )
        return client_for(user)

    return sign_in
