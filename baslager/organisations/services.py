from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from baslager.accounts.models import User

from .models import Membership, Organisation, Role


def _invitation_send(*, user: User, organisation: Organisation, invited_by: User, base_url: str):
    """Mail a link where the new member chooses their own password; nobody else ever knows it."""
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "organisation": organisation,
        "invited_by": invited_by,
        "link": base_url.rstrip("/") + path,
    }
    send_mail(
        subject=render_to_string("organisations/email/invitation_subject.txt", context).strip(),
        message=render_to_string("organisations/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


@transaction.atomic
def member_add(
    *,
    organisation: Organisation,
    email: str,
    full_name: str,
    role: str,
    title: str,
    invited_by: User,
    base_url: str,
) -> Membership:
    """Give someone a role in the organisation; a person new to Basläger gets an invitation."""
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        if not full_name.strip():
            raise ValidationError({"full_name": _("Enter the name of the new member.")})
        user = User.objects.create_user(email, None, full_name=full_name.strip())
        transaction.on_commit(
            lambda: _invitation_send(
                user=user, organisation=organisation, invited_by=invited_by, base_url=base_url
            )
        )
    if Membership.objects.filter(user=user, organisation=organisation).exists():
        raise ValidationError({"email": _("This person is already a member.")})
    return Membership.objects.create(user=user, organisation=organisation, role=role, title=title)


def _keeps_an_administrator(membership: Membership, *, new_role: str | None) -> bool:
    # The stored role counts: a bound ModelForm has already put the new one on the instance.
    stored_role = Membership.objects.values_list("role", flat=True).get(pk=membership.pk)
    if stored_role != Role.ADMIN or new_role == Role.ADMIN:
        return True
    return (
        Membership.objects.filter(organisation_id=membership.organisation_id, role=Role.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    )


@transaction.atomic
def membership_update(*, membership: Membership, role: str, title: str) -> Membership:
    if not _keeps_an_administrator(membership, new_role=role):
        raise ValidationError({"role": _("The organisation must keep at least one administrator.")})
    membership.role = role
    membership.title = title
    membership.save(update_fields=["role", "title"])
    return membership


@transaction.atomic
def membership_end(*, membership: Membership) -> None:
    """Take the role away. The person keeps authorship of what they wrote; the user stays."""
    if not _keeps_an_administrator(membership, new_role=None):
        raise ValidationError(_("The organisation must keep at least one administrator."))
    membership.user.caseload.remove(
        *membership.user.caseload.filter(organisation_id=membership.organisation_id)
    )
    membership.delete()
