from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.forms import save_valid_form
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import ConsentForm, MessageFilterForm, WithdrawForm

MESSAGES_PER_PAGE = 50


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def message_list(request):
    filters = MessageFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = Paginator(
        selectors.messages_for(membership=request.membership, status=status), MESSAGES_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(request, "messaging/list.html", {"page": page, "filters": filters})


def _consent_page(request, participant, *, form=None, withdraw_form=None):
    today = timezone.localdate()
    context = {
        "participant": participant,
        "current": services.current_consent(participant),
        "history": selectors.consent_history(participant=participant),
        "sent": selectors.messages_for(membership=request.membership).filter(
            participant=participant
        )[:10],
        "form": form or ConsentForm(initial={"given_on": today}),
        "withdraw_form": withdraw_form or WithdrawForm(initial={"withdrawn_on": today}),
    }
    return render(request, "messaging/consent.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def consent(request, participant):
    """The participant's agreement to reminders: record it, see its history, withdraw it."""
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    form = ConsentForm(request.POST or None)
    saved = save_valid_form(
        request,
        form,
        lambda data: services.reminder_consent_give(
            participant=participant, actor=request.user, **data
        ),
    )
    if saved is not None:
        messages.success(request, _("The agreement to reminders is recorded."))
        return redirect("messaging:consent", participant=participant.public_id)
    return _consent_page(request, participant, form=form if request.method == "POST" else None)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def consent_withdraw(request, participant):
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    form = WithdrawForm(request.POST)
    saved = save_valid_form(
        request,
        form,
        lambda data: services.reminder_consent_withdraw(
            participant=participant, actor=request.user, **data
        ),
    )
    if saved is not None:
        messages.success(request, _("The agreement is withdrawn: no more reminders are sent."))
        return redirect("messaging:consent", participant=participant.public_id)
    return _consent_page(request, participant, withdraw_form=form)
