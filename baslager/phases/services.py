from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.organisations.models import Membership, Organisation
from baslager.participants.models import Participant

from .models import DEFAULT_LADDER, Phase, PhaseTransition
from .selectors import first_active_phase


@transaction.atomic
def participant_place_at_intake(
    *, participant: Participant, membership: Membership, actor: User
) -> PhaseTransition | None:
    """A newly registered participant starts in the organisation's first active phase, with an
    intake transition dated on their entry date; nowhere when no phase is in use."""
    phase = first_active_phase(membership=membership)
    if phase is None:
        return None
    participant.current_phase = phase
    participant.save(update_fields=["current_phase"])
    return PhaseTransition.objects.create(
        organisation=participant.organisation,
        participant=participant,
        from_phase=None,
        to_phase=phase,
        moved_on=participant.entry_date,
        moved_by=actor,
        reason=_("Intake"),
    )


@transaction.atomic
def phase_ladder_create_default(*, organisation: Organisation) -> list[Phase]:
    """Give an organisation the default ladder of development phases, unless it has one."""
    existing = list(Phase.objects.filter(organisation=organisation).order_by("position"))
    if existing:
        return existing
    return Phase.objects.bulk_create(
        Phase(organisation=organisation, name=name, description=description, position=position)
        for position, (name, description) in enumerate(DEFAULT_LADDER, start=1)
    )


@transaction.atomic
def phase_create(*, organisation: Organisation, name: str, description: str = "") -> Phase:
    """Add a phase at the end of the organisation's ladder."""
    last = Phase.objects.filter(organisation=organisation).aggregate(last=Max("position"))["last"]
    phase = Phase(
        organisation=organisation, name=name, description=description, position=(last or 0) + 1
    )
    _save_named(phase)
    return phase


@transaction.atomic
def phase_update(*, phase: Phase, name: str, description: str) -> Phase:
    phase.name = name
    phase.description = description
    _save_named(phase, update_fields=["name", "description"])
    return phase


def _save_named(phase: Phase, **kwargs) -> None:
    """Save, turning a name taken in the meantime by someone else into a validation error."""
    try:
        with transaction.atomic():
            phase.save(**kwargs)
    except IntegrityError as error:
        raise ValidationError(
            {"name": _("There is already a phase called %(name)s.") % {"name": phase.name}}
        ) from error


@transaction.atomic
def phase_reorder(*, phase: Phase, direction: str) -> Phase:
    """Swap ``phase`` with its neighbour above ("up") or below ("down"); at either end, nothing."""
    siblings = Phase.objects.select_for_update().filter(organisation_id=phase.organisation_id)
    if direction == "up":
        neighbour = siblings.filter(position__lt=phase.position).order_by("-position").first()
    elif direction == "down":
        neighbour = siblings.filter(position__gt=phase.position).order_by("position").first()
    else:
        raise ValueError(f"Unknown direction {direction!r}")
    if neighbour is None:
        return phase
    phase.position, neighbour.position = neighbour.position, phase.position
    phase.save(update_fields=["position"])
    neighbour.save(update_fields=["position"])
    return phase


@transaction.atomic
def phase_set_active(*, phase: Phase, is_active: bool) -> Phase:
    """Take a phase out of use (participants already in it stay) or back into use."""
    phase.is_active = is_active
    phase.save(update_fields=["is_active"])
    return phase


def phase_is_in_use(*, phase: Phase) -> bool:
    """Whether anyone is in the phase now or has ever passed through it."""
    return (
        Participant.objects.filter(current_phase=phase).exists()
        or PhaseTransition.objects.filter(to_phase=phase).exists()
        or PhaseTransition.objects.filter(from_phase=phase).exists()
    )


@transaction.atomic
def phase_delete(*, phase: Phase) -> None:
    """Delete a phase nobody is or was in; a phase with history can only be deactivated."""
    if phase_is_in_use(phase=phase):
        raise ValidationError(
            _(
                "%(phase)s has or has had participants in it, so it cannot be deleted. "
                "Take it out of use instead."
            )
            % {"phase": phase.name}
        )
    phase.delete()


def phase_started_on(*, participant: Participant) -> date:
    """The day the participant entered their current phase: their latest move, else entry."""
    latest = (
        PhaseTransition.objects.filter(participant=participant)
        .order_by("-moved_on", "-created_at")
        .values_list("moved_on", flat=True)
        .first()
    )
    return latest or participant.entry_date


@transaction.atomic
def participant_move_to_phase(
    *,
    participant: Participant,
    to_phase: Phase,
    moved_on: date,
    reason: str,
    moved_by,
) -> PhaseTransition:
    """Move a participant into another phase of their organisation's ladder, saying why."""
    # Locking the row keeps two simultaneous moves from both starting at the same phase.
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    locked.check_case_open()
    errors: dict[str, list[str]] = {}
    if to_phase.organisation_id != locked.organisation_id:
        errors["to_phase"] = [_("Choose a phase of the participant's own organisation.")]
    elif not to_phase.is_active:
        errors["to_phase"] = [_("This phase is no longer in use.")]
    elif to_phase.pk == locked.current_phase_id:
        errors["to_phase"] = [_("The participant is already in this phase.")]
    if moved_on > timezone.localdate():
        errors["moved_on"] = [_("The date cannot be in the future.")]
    else:
        started = phase_started_on(participant=locked)
        if locked.current_phase_id is not None and moved_on < started:
            errors["moved_on"] = [
                _("The date cannot be before %(date)s, when the current phase began.")
                % {"date": started.isoformat()}
            ]
    if not reason.strip():
        errors["reason"] = [_("Say why the participant moves.")]
    if errors:
        raise ValidationError(errors)

    transition = PhaseTransition.objects.create(
        organisation_id=locked.organisation_id,
        participant=locked,
        from_phase_id=locked.current_phase_id,
        to_phase=to_phase,
        moved_on=moved_on,
        reason=reason.strip(),
        moved_by=moved_by,
    )
    locked.current_phase = to_phase
    locked.save(update_fields=["current_phase", "updated_at"])
    participant.current_phase = to_phase
    return transition
