from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from .middleware import SESSION_KEY
from .models import Membership


@require_POST
def switch(request):
    """Work in another of the user's organisations."""
    membership = get_object_or_404(
        Membership, user=request.user, organisation__public_id=request.POST.get("organisation")
    )
    request.session[SESSION_KEY] = membership.organisation_id
    return redirect("core:home")
