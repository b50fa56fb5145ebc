from django.shortcuts import redirect, render

from baslager.organisations.models import Role
from baslager.organisations.second_factor import has_second_factor, second_factor_required


def home(request):
    """Send each person to where their work starts."""
    membership = request.membership
    if membership is None:
        return render(request, "core/no_membership.html", status=403)
    if membership.role in (Role.ADMIN, Role.COACH):
        return redirect("phases:board")
    return render(request, "core/home.html")


def account(request):
    """The signed-in person's own account: who they are, where they work, how they sign in."""
    user = request.user
    return render(
        request,
        "core/account.html",
        {
            "memberships": user.memberships.select_related("organisation").order_by(
                "organisation__name"
            ),
            "has_second_factor": has_second_factor(user),
            "second_factor_required": second_factor_required(user),
        },
    )
