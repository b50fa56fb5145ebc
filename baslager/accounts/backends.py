from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings


def may_sign_in(user) -> bool:
    """Demo accounts have published passwords: they work only while DEBUG is on."""
    return not getattr(user, "is_demo", False) or settings.DEBUG


class StaffAuthenticationBackend(AuthenticationBackend):
    """allauth's email backend, refusing demo accounts unless DEBUG is on."""

    def user_can_authenticate(self, user) -> bool:
        return may_sign_in(user) and super().user_can_authenticate(user)
