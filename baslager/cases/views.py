from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant, ParticipantStatus

from . import selectors, services
from .forms import CloseForm, ProjectExitForms, ReopenForm


def _detail_url(participant: Participant) -> str:
    return reverse("participants:detail", kwargs={"participant": participant.public_id})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def close(request, participant):
    """Lists what closing the case changes and asks for the exits; one POST does it all."""
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    if participant.status == ParticipantStatus.ENDED:
        messages.info(request, _("The case is already closed."))
        return redirect(_detail_url(participant))
    items = selectors.open_items(participant=participant)
    data = request.POST if request.method == "POST" else None
    form = CloseForm(data)
    exit_forms = [ProjectExitForms(enrolment, data) for enrolment in items.enrolments]
    if data is not None and all([form.is_valid(), *(f.is_valid() for f in exit_forms)]):
        try:
            services.case_close(
                participant=participant,
                membership=request.membership,
                actor=request.user,
                exits={f.enrolment.pk: f.project_exit() for f in exit_forms},
                confirmed=request.POST.get("confirmed", ""),
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The case of %(name)s is closed.") % {"name": participant.full_name}
            )
            return redirect(_detail_url(participant))
    context = {"participant": participant, "items": items, "form": form, "exit_forms": exit_forms}
    return render(request, "cases/close.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def reopen(request, participant):
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    if participant.status != ParticipantStatus.ENDED:
        messages.info(request, _("The case is open already."))
        return redirect(_detail_url(participant))
    phases = selectors.phases_to_reopen_in(membership=request.membership)
    form = ReopenForm(
        request.POST if request.method == "POST" else None,
        phases=phases,
        initial={"phase": participant.current_phase_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_reopen(participant=participant, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The case of %(name)s is open again, in %(phase)s.")
                % {"name": participant.full_name, "phase": participant.current_phase.name},
            )
            return redirect(_detail_url(participant))
    context = {
        "participant": participant,
        "form": form,
        "closure": selectors.latest_closure(participant=participant),
    }
    return render(request, "cases/reopen.html", context)
