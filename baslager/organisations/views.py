from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .access import get_scoped_or_404, scoped
from .decorators import ADMIN_ONLY, role_required
from .forms import MemberAddForm, MemberEditForm, OrganisationSettingsForm
from .middleware import SESSION_KEY
from .models import Membership
from .services import member_add, membership_end, membership_update


@require_POST
def switch(request):
    """Work in another of the user's organisations."""
    membership = get_object_or_404(
        Membership, user=request.user, organisation__public_id=request.POST.get("organisation")
    )
    request.session[SESSION_KEY] = membership.organisation_id
    return redirect("core:home")


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def settings(request):
    form = OrganisationSettingsForm(request.POST or None, instance=request.membership.organisation)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The organisation's settings are saved."))
        return redirect("organisations:settings")
    return render(request, "organisations/settings.html", {"form": form})


def _apply(form, service, **kwargs) -> bool:
    """Run ``service``; its validation errors land on the form, next to what was typed."""
    try:
        service(**kwargs)
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    return True


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def members(request):
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        added = _apply(
            form,
            member_add,
            organisation=request.membership.organisation,
            invited_by=request.user,
            base_url=request.build_absolute_uri("/"),
            **form.cleaned_data,
        )
        if added:
            messages.success(request, _("The member is added."))
            return redirect("organisations:members")
    memberships = (
        scoped(Membership, request.membership).select_related("user").order_by("user__full_name")
    )
    return render(request, "organisations/members.html", {"form": form, "memberships": memberships})


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def member_edit(request, member):
    membership = get_scoped_or_404(
        Membership.objects.select_related("user"), request.membership, pk=member
    )
    form = MemberEditForm(request.POST or None, instance=membership)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and _apply(form, membership_update, membership=membership, **form.cleaned_data)
    )
    if saved:
        messages.success(request, _("The role is saved."))
        return redirect("organisations:members")
    return render(request, "organisations/member_edit.html", {"form": form, "member": membership})


@role_required(*ADMIN_ONLY)
@require_POST
def member_remove(request, member):
    membership = get_scoped_or_404(
        Membership.objects.select_related("user"), request.membership, pk=member
    )
    try:
        membership_end(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("organisations:members")
