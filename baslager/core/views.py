from django.shortcuts import render

from baslager.organisations.second_factor import has_second_factor, second_factor_required


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
