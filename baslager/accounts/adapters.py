from allauth.account.adapter import DefaultAccountAdapter

from .backends import may_sign_in


class StaffAccountAdapter(DefaultAccountAdapter):
    """Accounts are created by an organisation's administrator, never by sign-up."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def authenticate(self, request, **credentials):
        # allauth hands back a user whom a backend refused with the right password, to show an
        # "inactive account" page; a demo account must instead look like a wrong password.
        user = super().authenticate(request, **credentials)
        if user is not None and not may_sign_in(user):
            return None
        return user
