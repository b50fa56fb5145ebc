"""Writes for closing and re-opening a case, each in one transaction.

Closing reaches into the plan, placements, proposals and projects through their own services,
so each of them keeps its rules (a withdrawn proposal needs a reason, an exit its ESF+ data)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.organisations.models import Membership
from baslager.participants.models import Participant, ParticipantStatus
from baslager.phases.models import Phase
from baslager.phases.services import participant_move_to_phase
from baslager.placements.services import placement_end
from baslager.projects.services import exit_situation_add, project_enrolment_exit
from baslager.proposals.models import ProposalStatus
from baslager.proposals.services import proposal_advance

from .models import CaseClosure, CaseReopening, ClosureReason, Consequence
from .selectors import open_items


@dataclass(frozen=True)
class ProjectExit:
    """The ESF+ exit data of one open project enrolment, as the project's exit form asks it;
    ``situation`` (the situation within 28 days) only when it is already known."""

    exit_date: date
    exit_reason: str
    situation: dict | None = None


@transaction.atomic
def case_close(
    *,
    participant: Participant,
    membership: Membership,
    actor: User,
    closed_on: date,
    reason: str,
    note: str = "",
    exits: dict[int, ProjectExit] | None = None,
    confirmed: str | None = None,
) -> CaseClosure:
    """Closes the case: cancels the coming sessions of the participant's own activities, ends open
    placements on ``closed_on``, withdraws proposals under way giving the reason, and records the
    exit from each open project enrolment with its ``exits`` entry (by enrolment pk).

    ``confirmed`` is the fingerprint of the open items the person closing was shown; if they
    changed since, nothing is done and the page has to be looked at again."""
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if locked.status == ParticipantStatus.ENDED:
        raise ValidationError(_("The case is already closed."), code="closed")
    errors = {}
    if closed_on > timezone.localdate():
        errors["closed_on"] = _("The date cannot be in the future.")
    elif closed_on < locked.entry_date:
        errors["closed_on"] = _("The date cannot be before the entry date (%(date)s).") % {
            "date": locked.entry_date.isoformat()
        }
    if reason not in ClosureReason.values:
        errors["reason"] = _("Choose a reason.")
    if errors:
        raise ValidationError(errors)
    items = open_items(participant=locked)
    if confirmed is not None and confirmed != items.fingerprint:
        raise ValidationError(
            _("Something was added or changed meanwhile. Check the list again and confirm."),
            code="changed",
        )
    exits = exits or {}
    missing = [row.project.name for row in items.enrolments if row.pk not in exits]
    if missing:
        raise ValidationError(
            _("Record the exit from %(projects)s.") % {"projects": ", ".join(missing)},
            code="exit_missing",
        )
    wording = _("The case was closed: %(reason)s") % {"reason": ClosureReason(reason).label}
    if note.strip():
        wording = f"{wording} ({note.strip()})"
    consequences = []

    for session in items.sessions:
        starts_at = timezone.localtime(session.starts_at)
        consequences.append(
            {
                "kind": Consequence.SESSION_CANCELLED,
                "what": f"{session.activity.title} {starts_at:%Y-%m-%d %H:%M}",
            }
        )
        session.delete()
    for placement in items.placements:
        proposal = getattr(placement, "proposal", None)
        if proposal is not None and proposal.status == ProposalStatus.STARTED:
            proposal_advance(
                proposal=proposal,
                to_status=ProposalStatus.ENDED,
                membership=membership,
                actor=actor,
                note=wording,
                ended_on=max(closed_on, placement.starts_on),
            )
        else:
            # A placement planned to start after the closing never began; it ends on its first day.
            placement_end(
                placement=placement,
                ended_on=max(closed_on, placement.starts_on),
                result_note=wording[:500],
            )
        consequences.append({"kind": Consequence.PLACEMENT_ENDED, "what": str(placement.employer)})
    for proposal in items.proposals:
        proposal_advance(
            proposal=proposal,
            to_status=ProposalStatus.WITHDRAWN,
            membership=membership,
            actor=actor,
            note=wording,
        )
        consequences.append(
            {"kind": Consequence.PROPOSAL_WITHDRAWN, "what": str(proposal.opening.title)}
        )
    for enrolment in items.enrolments:
        _project_exit(enrolment, exits[enrolment.pk], actor)
        consequences.append({"kind": Consequence.PROJECT_EXITED, "what": enrolment.project.name})

    locked.status = ParticipantStatus.ENDED
    locked.save(update_fields=["status", "updated_at"])
    participant.status = locked.status
    return CaseClosure.objects.create(
        organisation_id=locked.organisation_id,
        participant=locked,
        closed_on=closed_on,
        reason=reason,
        note=note.strip(),
        consequences=consequences,
        closed_by=actor,
    )


def _project_exit(enrolment, exit_data: ProjectExit, actor) -> None:
    try:
        project_enrolment_exit(
            enrolment=enrolment,
            exit_date=exit_data.exit_date,
            exit_reason=exit_data.exit_reason,
            actor=actor,
        )
        if exit_data.situation:
            exit_situation_add(enrolment=enrolment, data=exit_data.situation, actor=actor)
    except ValidationError as error:
        # The project's own rules name its own fields; on this page they belong to one project.
        raise ValidationError(
            [f"{enrolment.project.name}: {message}" for message in error.messages],
            code="project_exit",
        ) from error


@transaction.atomic
def case_reopen(
    *, participant: Participant, actor: User, phase: Phase, reason: str
) -> CaseReopening:
    """Opens a closed case again, today, and puts the participant in ``phase`` of the board
    (moving them there, with ``reason``, when it is not the phase they left in)."""
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    errors = {}
    if locked.status != ParticipantStatus.ENDED:
        raise ValidationError(_("The case is open already."), code="open")
    if phase.organisation_id != locked.organisation_id or not phase.is_active:
        errors["phase"] = _("Choose a phase in use in the participant's organisation.")
    if not reason.strip():
        errors["reason"] = _("Say why the case is opened again.")
    if errors:
        raise ValidationError(errors)
    today = timezone.localdate()
    locked.status = ParticipantStatus.ACTIVE
    locked.save(update_fields=["status", "updated_at"])
    if phase.pk != locked.current_phase_id:
        participant_move_to_phase(
            participant=locked, to_phase=phase, moved_on=today, reason=reason, moved_by=actor
        )
    participant.status, participant.current_phase = locked.status, phase
    return CaseReopening.objects.create(
        organisation_id=locked.organisation_id,
        participant=locked,
        reopened_on=today,
        reason=reason.strip(),
        phase=phase,
        reopened_by=actor,
    )
