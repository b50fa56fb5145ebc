from django.shortcuts import redirect
from django.urls import reverse

from .models import Membership
from .second_factor import has_second_factor, second_factor_required

SESSION_KEY = "active_organisation_id"


def active_membership(request) -> Membership | None:
    """The membership the user works in now, read from the database on every request.

    Roles are never cached in the session, so a changed or removed membership
    takes effect at once.
    """
    if not request.user.is_authenticated:
        return None
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    chosen = request.session.get(SESSION_KEY)
    if chosen is not None:
        membership = memberships.filter(organisation_id=chosen).first()
        if membership is not None:
            return membership
    return memberships.order_by("organisation__name").first()


class ActiveMembershipMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.membership = active_membership(request)
        return self.get_response(request)


# Pages an administrator without TOTP may still reach: signing out and setting TOTP up.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/i18n/")


class RequireSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and second_factor_required(user)
            and not has_second_factor(user)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
