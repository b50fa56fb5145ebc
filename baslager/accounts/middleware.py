from django.shortcuts import redirect
from django.urls import reverse

from .mfa import has_second_factor, second_factor_required

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
