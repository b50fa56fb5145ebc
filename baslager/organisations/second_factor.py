from allauth.mfa.models import Authenticator
from django.conf import settings

from .models import Membership, Role


def second_factor_required(user) -> bool:
    """Administrators and operators must have TOTP; demo accounts are exempt while DEBUG is on."""
    if user.is_demo and settings.DEBUG:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return Membership.objects.filter(user=user, role=Role.ADMIN).exists()


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
