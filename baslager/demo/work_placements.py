"""Placements of the participants in work training or praktik, with their checklists.

The checklists are copied from the organisation's library as ``placements.services`` copies them
(active lists in stage order, items in order), in bulk; items are ticked off as far as the
placement has come.
"""

import hashlib
import random
import uuid
from datetime import date, time, timedelta

from django.db.models import Max

from baslager.employers.models import Stage, Supervisor
from baslager.handbook.models import ChecklistStage, Responsible
from baslager.handbook.selectors import checklists_to_copy
from baslager.openings.models import Opening, OpeningKind, OpeningStatus
from baslager.participants.models import Participant, ParticipantStatus
from baslager.phases.models import PhaseTransition
from baslager.placements.models import (
    Placement,
    PlacementChecklist,
    PlacementChecklistItem,
    PlacementStatus,
    SupervisorLink,
)

from . import work_texts as says
from .batch import Context
from .bulk import rows_insert
from .schedule import at

PLACEMENTS = 8
# Phases of the default ladder whose participants are out at a workplace, and the kind of place.
KINDS = {"Arbetsträning": OpeningKind.WORK_TRAINING, "Praktik": OpeningKind.INTERNSHIP}
WEEKS = {OpeningKind.WORK_TRAINING: (12, 16, 26), OpeningKind.INTERNSHIP: (6, 8, 12)}
# Which of the placements is planned and which has ended; the rest are under way.
PLANNED, ENDED = 2, 4


def placements_load(ctx: Context, rng: random.Random, crew) -> None:
    phases = {phase.pk: KINDS[phase.name] for phase in ctx.phases if phase.name in KINDS}
    participants = _participants(ctx, crew, phases)
    supervisors = list(
        Supervisor.objects.filter(
            organisation=ctx.organisation, employer__stage__in=(Stage.PARTNER, Stage.RECRUITING)
        ).order_by("pk")
    )
    if not participants or not supervisors:
        return
    started_phase = dict(
        PhaseTransition.objects.filter(participant__in=[p for p, _ in participants])
        .values_list("participant")
        .annotate(on=Max("moved_on"))
        .values_list("participant", "on")
    )
    openings = {
        (employer, kind): pk
        for pk, employer, kind in Opening.objects.filter(
            organisation=ctx.organisation,
            kind__in=list(WEEKS),
            status__in=(OpeningStatus.OPEN, OpeningStatus.FILLED),
        )
        .order_by("-pk")
        .values_list("pk", "employer_id", "kind")
    }
    load = dict.fromkeys((s.pk for s in supervisors), 0)
    rows, links = [], []
    for index, (participant, coach) in enumerate(participants):
        kind = phases[participant.current_phase_id]
        free = [s for s in supervisors if load[s.pk] < s.capacity] or supervisors
        supervisor = rng.choice(free)
        load[supervisor.pk] += 1
        row = _placement(ctx, rng, index, kind, started_phase.get(participant.pk))
        row.update(
            organisation=ctx.organisation,
            public_id=uuid.uuid4(),
            participant=participant.pk,
            employer=supervisor.employer_id,
            supervisor=supervisor.pk,
            opening=openings.get((supervisor.employer_id, kind)),
            kind=kind,
            created_by=coach,
            created_at=at(min(row["starts_on"], ctx.today) - timedelta(days=10), time(11)),
        )
        row["updated_at"] = row["created_at"]
        rows.append(row)
    rows_insert(Placement, rows)
    placements = list(
        Placement.objects.filter(public_id__in=[row["public_id"] for row in rows]).order_by("pk")
    )
    coaches = {row["public_id"]: row["created_by"] for row in rows}
    _checklists_insert(ctx, rng, placements, coaches)
    for placement in placements:
        if placement.status == PlacementStatus.ONGOING:
            links.append(
                {
                    "organisation": ctx.organisation,
                    "placement": placement.pk,
                    # Nobody knows the token: the demo's links only show that one was sent.
                    "token_hash": hashlib.sha256(rng.randbytes(32)).hexdigest(),
                    "created_by": coaches[placement.public_id],
                    "created_at": at(placement.starts_on - timedelta(days=3), time(14)),
                    "revoked_at": None,
                }
            )
    rows_insert(SupervisorLink, links)


def _participants(ctx: Context, crew, phases: dict) -> list[tuple[Participant, object]]:
    """Those in a phase at a workplace, the coach's own caseload first so their login shows
    them, each with the coach who registers the placement."""
    through = Participant.coaches.through
    first_coach = dict(
        through.objects.filter(
            participant__organisation=ctx.organisation,
            participant__status=ParticipantStatus.ACTIVE,
            participant__current_phase__in=list(phases),
        )
        .order_by("-pk")
        .values_list("participant_id", "user_id")
    )
    if not first_coach:
        return []
    people = Participant.objects.filter(pk__in=first_coach).order_by("pk")
    staff = {user.pk: user for user in ctx.coaches}
    mine = [p for p in people if first_coach[p.pk] == crew.coach.pk]
    others = [p for p in people if first_coach[p.pk] != crew.coach.pk]
    chosen = (mine + others)[:PLACEMENTS]
    return [(p, staff.get(first_coach[p.pk], crew.coach)) for p in chosen]


def _placement(ctx, rng, index: int, kind: str, phase_start: date | None) -> dict:
    today = ctx.today
    weeks = rng.choice(WEEKS[kind])
    if index == PLANNED:
        starts = today + timedelta(days=7 - today.weekday())
        return {
            "starts_on": starts,
            "ends_on": starts + timedelta(weeks=weeks),
            "status": PlacementStatus.PLANNED,
        }
    if index == ENDED:
        starts = today - timedelta(days=70 + today.weekday())
        return {
            "starts_on": starts,
            "ends_on": starts + timedelta(weeks=8),
            "status": PlacementStatus.ENDED,
            "ended_on": starts + timedelta(weeks=8) - timedelta(days=3),
            "result_note": rng.choice(says.PLACEMENT_RESULTS),
        }
    # Started after the participant came to the phase, within the last ten weeks.
    earliest = max(phase_start or today, today - timedelta(days=75))
    days_ago = rng.randint(3, max(3, (today - earliest).days))
    starts = today - timedelta(days=days_ago)
    ends = starts + timedelta(weeks=weeks)
    while ends <= today:
        ends += timedelta(weeks=4)
    return {"starts_on": starts, "ends_on": ends, "status": PlacementStatus.ONGOING}


def _checklists_insert(ctx, rng, placements: list[Placement], coaches: dict) -> None:
    ordered = checklists_to_copy(organisation=ctx.organisation)
    checklists = [
        (
            PlacementChecklist(
                organisation=ctx.organisation,
                placement=placement,
                stage=template.stage,
                title=template.title,
                position=position,
                copied_from=template,
            ),
            template,
        )
        for placement in placements
        for position, template in enumerate(ordered, start=1)
    ]
    PlacementChecklist.objects.bulk_create([checklist for checklist, _ in checklists])
    items = []
    for checklist, template in checklists:
        placement = checklist.placement
        for index, item in enumerate(template.items.all(), start=1):
            done_at = _done_at(ctx, rng, placement, template.stage)
            by_supervisor = (
                done_at is not None
                and item.who == Responsible.SUPERVISOR
                and placement.status == PlacementStatus.ONGOING
            )
            items.append(
                {
                    "organisation": ctx.organisation,
                    "checklist": checklist.pk,
                    "text": item.text,
                    "guidance": item.guidance,
                    "who": item.who,
                    "position": index,
                    "done_at": done_at,
                    "done_by": (
                        coaches[placement.public_id] if done_at and not by_supervisor else None
                    ),
                    "done_by_supervisor": by_supervisor,
                }
            )
    rows_insert(PlacementChecklistItem, items)


def _done_at(ctx, rng, placement: Placement, stage: str):
    """When an item of ``stage`` was ticked off, or None: everything on an ended placement,
    the lists before the start and on the first day mostly, the first week once it has passed,
    and little of the follow-up yet."""
    starts, today = placement.starts_on, ctx.today
    if placement.status == PlacementStatus.ENDED:
        last = placement.ended_on
        chance = 1.0
    elif placement.status == PlacementStatus.PLANNED:
        last = today - timedelta(days=1)
        chance = 0.5 if stage == ChecklistStage.BEFORE_ARRIVAL else 0.0
    else:
        last = today - timedelta(days=1)
        days = (today - starts).days
        chance = {
            ChecklistStage.BEFORE_ARRIVAL: 0.9,
            ChecklistStage.FIRST_DAY: 0.85,
            ChecklistStage.FIRST_WEEK: 0.8 if days >= 7 else 0.3,
            ChecklistStage.FOLLOW_UP: 0.3 if days >= 28 else 0.0,
        }[stage]
    if rng.random() >= chance:
        return None
    day = {
        ChecklistStage.BEFORE_ARRIVAL: starts - timedelta(days=rng.randint(1, 6)),
        ChecklistStage.FIRST_DAY: starts,
        ChecklistStage.FIRST_WEEK: starts + timedelta(days=rng.randint(1, 6)),
        ChecklistStage.FOLLOW_UP: starts + timedelta(days=rng.randint(21, 40)),
    }[stage]
    return at(min(day, last), time(rng.randint(9, 16), rng.choice((0, 15, 30, 45))))
