from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .selectors import agenda_for


@require_GET
def start(request):
    """Everyone's start page: what needs doing today and this week, for the member's role."""
    membership = request.membership
    if membership is None:
        return render(request, "core/no_membership.html", status=403)
    agenda = agenda_for(membership, on=timezone.localdate())
    return render(request, "today/start.html", {"agenda": agenda})
