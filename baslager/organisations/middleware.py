from .models import Membership

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
