from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.openings.models import Opening
from baslager.participants.models import Participant

from .models import MatchOverride, OverrideAction


@transaction.atomic
def match_override_record(
    *,
    actor: User,
    participant: Participant,
    opening: Opening,
    action: str,
    reason: str,
    position: int | None = None,
) -> MatchOverride:
    """Record a coach's change to the ranking; the caller has checked that both are in scope."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why you change the order.")}, code="no_reason")
    if participant.organisation_id != opening.organisation_id:
        raise ValidationError(_("The opening belongs to another organisation."), code="elsewhere")
    if action == OverrideAction.POSITION:
        if not position or position < 1:
            raise ValidationError({"position": _("Give a position from 1.")}, code="no_position")
    else:
        position = None
    return MatchOverride.objects.create(
        organisation_id=participant.organisation_id,
        participant=participant,
        opening=opening,
        action=action,
        position=position,
        reason=reason,
        created_by=actor,
    )
