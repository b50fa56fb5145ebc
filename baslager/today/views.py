from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required

from .models import DailyDigest
from .selectors import agenda_for
from .services import daily_digest_set


@require_GET
def start(request):
    """Everyone's start page: what needs doing today and this week, for the member's role."""
    membership = request.membership
    if membership is None:
        return render(request, "core/no_membership.html", status=403)
    agenda = agenda_for(membership, on=timezone.localdate())
    digest_on = DailyDigest.objects.filter(membership=membership).exists()
    return render(request, "today/start.html", {"agenda": agenda, "digest_on": digest_on})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def digest(request):
    """Starts or stops the member's own morning e-mail of the start page."""
    if daily_digest_set(membership=request.membership, wanted=request.POST.get("wanted") == "1"):
        messages.success(request, _("You will get the morning e-mail each morning at 06:30."))
    else:
        messages.success(request, _("The morning e-mail is stopped."))
    return redirect("core:home")
