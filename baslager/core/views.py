from django.shortcuts import redirect, render

from baslager.organisations.models import Role


def home(request):
    """Send each person to where their work starts."""
    membership = request.membership
    if membership is None:
        return render(request, "core/no_membership.html", status=403)
    if membership.role in (Role.ADMIN, Role.COACH):
        return redirect("phases:board")
    return render(request, "core/home.html")
