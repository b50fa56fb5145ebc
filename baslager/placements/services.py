from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.core.secret_links import new_token, token_hash
from baslager.handbook.selectors import checklists_to_copy
from baslager.messaging.models import Channel, Message, RecipientKind
from baslager.messaging.services import Recipient, message_send
from baslager.organisations.models import Membership

from .models import (
    Placement,
    PlacementChecklist,
    PlacementChecklistItem,
    PlacementStatus,
    SupervisorLink,
)

EDIT_FIELDS = ("supervisor", "kind", "starts_on", "ends_on", "status")
# Foreign keys are checked by the services themselves; full_clean need not fetch them again.
RELATIONS = ["organisation", "participant", "employer", "opening", "supervisor", "created_by"]


def _check_organisation(organisation_id: int, *objects) -> None:
    if any(obj is not None and obj.organisation_id != organisation_id for obj in objects):
        raise ValidationError(_("Choose from your own organisation."), code="organisation")


@transaction.atomic
def placement_create(*, membership: Membership, actor: User, data: dict) -> Placement:
    """A participant's placement at an opening or straight at an employer, with its checklists
    copied from the organisation's library. Raises ValidationError when the data break the
    placement's rules."""
    opening = data.get("opening")
    employer = data.get("employer") or (opening.employer if opening else None)
    if employer is None:
        raise ValidationError(_("Choose an opening or an employer."), code="no_employer")
    participant, supervisor = data["participant"], data.get("supervisor")
    participant.check_case_open()
    _check_organisation(membership.organisation_id, participant, employer, opening, supervisor)
    starts_on = data["starts_on"]
    placement = Placement(
        organisation_id=membership.organisation_id,
        participant=participant,
        employer=employer,
        opening=opening,
        supervisor=supervisor,
        kind=data.get("kind") or (opening.kind if opening else ""),
        starts_on=starts_on,
        ends_on=data.get("ends_on"),
        status=PlacementStatus.ONGOING
        if starts_on <= timezone.localdate()
        else PlacementStatus.PLANNED,
        created_by=actor,
    )
    placement.full_clean(exclude=RELATIONS)
    placement.save()
    _copy_checklists(placement)
    return placement


def _copy_checklists(placement: Placement) -> None:
    """Copies, not links: a later edit of the library leaves this placement's lists as they are."""
    ordered = checklists_to_copy(organisation=placement.organisation)
    for position, template in enumerate(ordered, start=1):
        checklist = PlacementChecklist.objects.create(
            organisation_id=placement.organisation_id,
            placement=placement,
            stage=template.stage,
            title=template.title,
            position=position,
            copied_from=template,
        )
        PlacementChecklistItem.objects.bulk_create(
            PlacementChecklistItem(
                organisation_id=placement.organisation_id,
                checklist=checklist,
                text=item.text,
                guidance=item.guidance,
                who=item.who,
                position=index,
            )
            for index, item in enumerate(template.items.all(), start=1)
        )


@transaction.atomic
def placement_edit(*, placement: Placement, data: dict) -> Placement:
    """Changes the supervisor, kind, dates or whether it has started; ending is placement_end's."""
    status = data.get("status", placement.status)
    if status != placement.status and PlacementStatus.ENDED in (status, placement.status):
        raise ValidationError(
            _("A placement is ended with its own form, and an ended placement stays ended."),
            code="ended",
        )
    _check_organisation(placement.organisation_id, data.get("supervisor"))
    for field in EDIT_FIELDS:
        if field in data:
            setattr(placement, field, data[field])
    placement.full_clean(exclude=RELATIONS)
    placement.save()
    return placement


@transaction.atomic
def placement_end(*, placement: Placement, ended_on, result_note: str = "") -> Placement:
    if placement.status == PlacementStatus.ENDED:
        raise ValidationError(_("The placement has already ended."), code="ended")
    placement.status = PlacementStatus.ENDED
    placement.ended_on = ended_on
    placement.result_note = result_note
    placement.full_clean(exclude=RELATIONS)
    placement.save()
    return placement


@transaction.atomic
def checklist_item_tick(
    *,
    item: PlacementChecklistItem,
    done: bool,
    actor: User | None = None,
    by_supervisor: bool = False,
) -> PlacementChecklistItem:
    """Ticks an item off (or back on); ticking an item already done keeps who did it first."""
    if done == item.is_done:
        return item
    item.done_at = timezone.now() if done else None
    item.done_by = actor if done else None
    item.done_by_supervisor = by_supervisor if done else False
    item.save(update_fields=["done_at", "done_by", "done_by_supervisor"])
    return item


@transaction.atomic
def supervisor_link_create(*, placement: Placement, actor: User) -> tuple[SupervisorLink, str]:
    """A new secret link for the placement's supervisor; any earlier link stops working. Returns
    the token too: it is stored only as a hash, so this is the one time it can be shown."""
    if placement.supervisor_id is None:
        raise ValidationError(
            _("Choose a supervisor for the placement first."), code="no_supervisor"
        )
    supervisor_link_revoke(placement=placement)
    token = new_token()
    link = SupervisorLink.objects.create(
        organisation_id=placement.organisation_id,
        placement=placement,
        token_hash=token_hash(token),
        created_by=actor,
    )
    return link, token


@transaction.atomic
def supervisor_link_send(
    *, placement: Placement, actor: User, channel: str, link_url: Callable[[str], str]
) -> Message:
    """A new link for the supervisor, sent to them by ``channel`` instead of copied by hand.

    ``link_url`` makes the absolute address from the token. The link and its message are made
    together: if the supervisor has no address for the channel, no link is made either.
    """
    link, token = supervisor_link_create(placement=placement, actor=actor)
    supervisor = placement.supervisor
    return message_send(
        organisation=placement.organisation,
        template="supervisor_link",
        recipient=Recipient(
            kind=RecipientKind.SUPERVISOR,
            pk=supervisor.pk,
            name=supervisor.name,
            email=supervisor.email,
            phone=supervisor.phone,
        ),
        channel=channel,
        event_key=f"supervisor_link:{link.pk}:{Channel(channel).value}",
        context={
            "participant": placement.participant.first_name,
            "organisation": placement.organisation.name,
            "link": link_url(token),
            "expires_on": link.expires_on,
        },
        participant=placement.participant,
        topic=f"placement:{placement.pk}",
        actor=actor,
    )


@transaction.atomic
def supervisor_link_revoke(*, placement: Placement) -> int:
    """Stops every link of the placement; returns how many were still working."""
    links = list(placement.supervisor_links.filter(revoked_at__isnull=True))
    for link in links:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return len(links)
