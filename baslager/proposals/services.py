from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.openings.models import Opening
from baslager.organisations.models import Membership, Organisation
from baslager.participants.models import Participant
from baslager.placements.services import placement_create, placement_end

from .models import (
    FINAL_STATUSES,
    GenderDominatedField,
    Proposal,
    ProposalSource,
    ProposalStatus,
    ProposalStatusChange,
)
from .reference import DEFAULT_FIELDS, SOURCE

S = ProposalStatus
ENDINGS = (S.DECLINED, S.WITHDRAWN)

# The lifecycle, one step at a time. A proposal may be declined or withdrawn, with a reason, at
# any step before it starts; once started, the placement ends with a result.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.SUGGESTED: (S.DISCUSSED, *ENDINGS),
    S.DISCUSSED: (S.CONSENTED, *ENDINGS),
    S.CONSENTED: (S.PRESENTED, *ENDINGS),
    S.PRESENTED: (S.INTERVIEW, *ENDINGS),
    S.INTERVIEW: (S.STARTED, *ENDINGS),
    S.STARTED: (S.ENDED,),
    S.ENDED: (),
    S.DECLINED: (),
    S.WITHDRAWN: (),
}


def next_statuses(*, proposal: Proposal) -> tuple[str, ...]:
    return TRANSITIONS[proposal.status]


@transaction.atomic
def proposal_create(
    *,
    membership: Membership,
    actor: User,
    participant: Participant,
    opening: Opening,
    source: str = ProposalSource.MANUAL,
    note: str = "",
) -> Proposal:
    """A new proposal of ``participant`` for ``opening``, suggested, with that as the first line
    of its history."""
    organisation_id = membership.organisation_id
    if participant.organisation_id != organisation_id or opening.organisation_id != organisation_id:
        raise ValidationError(_("Choose from your own organisation."), code="organisation")
    participant.check_case_open()
    already = Proposal.objects.filter(participant=participant, opening=opening).exclude(
        status__in=FINAL_STATUSES
    )
    if already.exists():
        raise ValidationError(
            _("The participant is already proposed for this opening."), code="duplicate"
        )
    proposal = Proposal.objects.create(
        organisation_id=organisation_id,
        participant=participant,
        opening=opening,
        source=source,
        created_by=actor,
    )
    _record(proposal, "", actor, note)
    return proposal


def _record(proposal: Proposal, from_status: str, actor: User, note: str) -> ProposalStatusChange:
    return ProposalStatusChange.objects.create(
        organisation_id=proposal.organisation_id,
        proposal=proposal,
        from_status=from_status,
        to_status=proposal.status,
        changed_by=actor,
        note=note,
    )


@transaction.atomic
def proposal_advance(
    *,
    proposal: Proposal,
    to_status: str,
    membership: Membership,
    actor: User,
    note: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    kind: str = "",
    ended_on: date | None = None,
) -> ProposalStatusChange:
    """Moves the proposal one step. Consenting records when and by whom; starting creates the
    placement (``starts_on`` needed); ending ends it (``note`` is the result); declining and
    withdrawing need a reason in ``note``."""
    # Lock the row, so two coaches pressing the same button start one placement, not two.
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if to_status not in TRANSITIONS[proposal.status]:
        raise ValidationError(
            _("A proposal that is %(from)s cannot become %(to)s."),
            code="transition",
            params={
                "from": ProposalStatus(proposal.status).label,
                "to": ProposalStatus(to_status).label if to_status in ProposalStatus else to_status,
            },
        )
    note = note.strip()
    if to_status in (*ENDINGS, S.ENDED) and not note:
        message = _("Describe the result.") if to_status == S.ENDED else _("Give a reason.")
        raise ValidationError(message, code="reason")
    from_status = proposal.status
    if to_status == S.CONSENTED:
        proposal.consent_given_at = timezone.now()
        proposal.consent_recorded_by = actor
    elif to_status == S.STARTED:
        proposal.placement = _start_placement(proposal, membership, actor, starts_on, ends_on, kind)
    elif to_status == S.ENDED:
        placement_end(
            placement=proposal.placement,
            ended_on=ended_on or timezone.localdate(),
            result_note=note[:500],
        )
    if to_status in (*ENDINGS, S.ENDED):
        proposal.closing_reason = note
    proposal.status = to_status
    proposal.save()
    return _record(proposal, from_status, actor, note)


def _start_placement(proposal, membership, actor, starts_on, ends_on, kind):
    if starts_on is None:
        raise ValidationError(_("Give the start date of the placement."), code="starts_on")
    opening = proposal.opening
    return placement_create(
        membership=membership,
        actor=actor,
        data={
            "participant": proposal.participant,
            "opening": opening,
            "supervisor": opening.supervisor,
            "kind": kind or opening.kind,
            "starts_on": starts_on,
            "ends_on": ends_on,
        },
    )


@transaction.atomic
def reference_load_default(*, organisation: Organisation) -> int:
    """Replaces the organisation's table of gender-dominated fields with the shipped default;
    returns the number of rows."""
    GenderDominatedField.objects.filter(organisation=organisation).delete()
    # One by one, not in bulk, so the audit log records each row.
    for code, label, gender, share in DEFAULT_FIELDS:
        GenderDominatedField.objects.create(
            organisation=organisation,
            ssyk_code=code,
            label=label,
            dominant_gender=gender,
            dominant_share=share,
            source=SOURCE,
        )
    return len(DEFAULT_FIELDS)


@transaction.atomic
def reference_add(*, organisation: Organisation, data: dict) -> GenderDominatedField:
    row = GenderDominatedField(organisation=organisation, **data)
    row.full_clean(exclude=["organisation"], validate_unique=False)
    if GenderDominatedField.objects.filter(
        organisation=organisation, ssyk_code=row.ssyk_code
    ).exists():
        raise ValidationError(_("That SSYK code is already in the table."), code="duplicate")
    row.save()
    return row


@transaction.atomic
def reference_remove(*, row: GenderDominatedField) -> None:
    row.delete()
