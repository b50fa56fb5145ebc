"""Rankings for the pages: one participant's openings, one opening's participants.

Nothing is stored. The other side (all open openings, or all active participants of the
organisation) is loaded once per process and reused until its rows change: the key is a count,
the highest primary key and the latest update of the tables it reads, and it expires after
``SIDE_TTL`` seconds in any case (a skill added to a participant does not touch those columns).
"""

import threading
import time
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max
from django.utils import timezone

from baslager.openings.models import Opening, OpeningStatus
from baslager.organisations.access import scoped
from baslager.participants.models import (
    Participant,
    ParticipantLanguage,
    ParticipantStatus,
    WorkExperience,
)
from baslager.taxonomy.models import Occupation, Skill, Substitutability

from . import engine, features, reference
from .explain import change_text, constraint_text
from .models import MatchOverride, OverrideAction

TOP = 10
# Openings in the participant's own occupation or group (and people for an opening) that a
# requirement keeps out, listed apart from the matches.
OUT_OF_REACH = 10
SIDE_TTL = 600
_cache: dict[tuple, tuple[tuple, float, object]] = {}
_cache_lock = threading.Lock()


def _cached(name: tuple, version: tuple, load):
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(name)
    if hit and hit[0] == version and now - hit[1] < SIDE_TTL:
        return hit[2]
    value = load()
    with _cache_lock:
        _cache[name] = (version, now, value)
    return value


def _stamp(queryset, *fields) -> tuple:
    aggregates = {"n": Count("pk"), "top": Max("pk")}
    aggregates.update({field: Max(field) for field in fields})
    return tuple(queryset.aggregate(**aggregates).values())


def dimensions() -> features.Dimensions:
    version = (
        _stamp(Skill.objects.all()),
        _stamp(Occupation.objects.all()),
        _stamp(Substitutability.objects.all()),
    )
    return _cached(("dimensions",), version, features.dimensions)


def opening_side(organisation_id: int, dims) -> features.OpeningSide:
    openings = Opening.objects.filter(organisation_id=organisation_id)
    version = (id(dims), _stamp(openings.filter(status=OpeningStatus.OPEN), "updated_at"))
    return _cached(
        ("openings", organisation_id), version, lambda: features.openings_load(openings, dims)
    )


def participant_side(organisation_id: int, dims) -> features.ParticipantSide:
    participants = Participant.objects.filter(organisation_id=organisation_id)
    version = (
        id(dims),
        _stamp(participants.filter(status=ParticipantStatus.ACTIVE), "updated_at"),
        _stamp(WorkExperience.objects.filter(organisation_id=organisation_id)),
        _stamp(ParticipantLanguage.objects.filter(organisation_id=organisation_id)),
    )
    return _cached(
        ("participants", organisation_id),
        version,
        lambda: features.participants_load(participants, dims),
    )


@dataclass
class Match:
    participant: Participant
    opening: Opening
    score: float | None  # None: a hard constraint is broken (shown only when a coach pinned it)
    evaluation: reference.Evaluation
    override: MatchOverride | None = None
    skills: dict | None = None  # skill pk → Skill, for the explanation

    def skill_list(self, name: str) -> list[Skill]:
        return [self.skills[pk] for pk in getattr(self.evaluation, name)]

    @property
    def matched(self):
        return self.skill_list("matched_must") + self.skill_list("matched_nice")

    @property
    def missing_must(self):
        return self.skill_list("missing_must")

    @property
    def missing_nice(self):
        return self.skill_list("missing_nice")

    @property
    def bent(self) -> list[str]:
        return [constraint_text(c, bent=True) for c in self.evaluation.bent]

    @property
    def broken(self) -> list[str]:
        return [constraint_text(c, bent=False) for c in self.evaluation.broken]

    @property
    def from_experience(self):
        return set(self.evaluation.from_experience)

    @property
    def broken_and_changes(self) -> list[tuple[str, str]]:
        """Each broken requirement in words, with what would let it hold; when none broke but
        bent ones ate the score up, those."""
        e = self.evaluation
        if e.broken:
            return [(constraint_text(c, bent=False), change_text(c, bent=False)) for c in e.broken]
        return [(constraint_text(c, bent=True), change_text(c, bent=True)) for c in e.bent]


@dataclass
class OutOfReach:
    """Pairs in the participant's own occupation or SSYK group that a requirement keeps out:
    the first ``OUT_OF_REACH`` of them, and how many there are in all."""

    matches: list[Match]
    count: int


def _in_force(overrides) -> dict[tuple[int, int], MatchOverride]:
    """The latest override for each pair, unless it put the pair back to the computed order."""
    latest = {}
    for override in overrides.order_by("-created_at", "-pk"):
        latest.setdefault((override.participant_id, override.opening_id), override)
    return {key: o for key, o in latest.items() if o.action != OverrideAction.CLEAR}


def _today() -> int:
    return timezone.localdate().toordinal()


def _attach_skills(matches: list[Match]) -> list[Match]:
    wanted = set()
    for match in matches:
        e = match.evaluation
        wanted.update(e.matched_must, e.matched_nice, e.missing_must, e.missing_nice)
    skills = Skill.objects.in_bulk(wanted)
    for match in matches:
        match.skills = skills
    return matches


@dataclass
class _ForParticipant:
    dims: features.Dimensions
    openings: features.OpeningSide
    person: features.ParticipantSide


def _for_participant(participant: Participant) -> _ForParticipant:
    dims = dimensions()
    return _ForParticipant(
        dims,
        opening_side(participant.organisation_id, dims),
        features.participants_load(Participant.objects.filter(pk=participant.pk), dims),
    )


@dataclass
class _ForOpening:
    dims: features.Dimensions
    people: features.ParticipantSide
    single: features.OpeningSide
    among: np.ndarray  # the people the member may see


def _for_opening(opening: Opening, membership) -> _ForOpening:
    dims = dimensions()
    people = participant_side(opening.organisation_id, dims)
    single = features.openings_load(Opening.objects.filter(pk=opening.pk), dims)
    visible = scoped(Participant, membership).filter(status=ParticipantStatus.ACTIVE)
    among = np.isin(people.ids, np.fromiter(visible.values_list("pk", flat=True), dtype=np.int64))
    return _ForOpening(dims, people, single, among)


def participant_matching(*, participant: Participant, membership) -> tuple[list, OutOfReach]:
    """The participant's matches and what is out of reach, the sides loaded once for both."""
    loaded = _for_participant(participant)
    return (
        openings_for_participant(participant=participant, membership=membership, loaded=loaded),
        openings_out_of_reach(participant=participant, membership=membership, loaded=loaded),
    )


def opening_matching(*, opening: Opening, membership) -> tuple[list, OutOfReach]:
    """The opening's candidates and who is out of reach, the sides loaded once for both."""
    loaded = _for_opening(opening, membership)
    return (
        participants_for_opening(opening=opening, membership=membership, loaded=loaded),
        participants_out_of_reach(opening=opening, membership=membership, loaded=loaded),
    )


def openings_for_participant(*, participant: Participant, membership, loaded=None) -> list[Match]:
    """The participant's best openings, with the coach's pins, positions and exclusions."""
    loaded = loaded or _for_participant(participant)
    dims, openings, person = loaded.dims, loaded.openings, loaded.person
    if not len(person):
        return []
    overrides = _in_force(
        scoped(MatchOverride, membership)
        .filter(participant=participant)
        .select_related("created_by")
    )
    by_opening = {opening_pk: o for (_, opening_pk), o in overrides.items()}
    excluded = {pk for pk, o in by_opening.items() if o.action == OverrideAction.EXCLUDE}
    today = _today()
    ranked = engine.top_openings(person, 0, openings, today=today, dims=dims, k=TOP + len(excluded))
    positions = [j for j, _ in ranked if int(openings.ids[j]) not in excluded][:TOP]
    chosen = {int(openings.ids[j]) for j in positions}
    for pk, override in by_opening.items():
        j = openings.position(pk)
        if override.action != OverrideAction.EXCLUDE and j is not None and pk not in chosen:
            positions.append(j)
    objects = Opening.objects.select_related("employer", "occupation").in_bulk(
        [int(openings.ids[j]) for j in positions]
    )
    matches = []
    for j in positions:
        pk = int(openings.ids[j])
        evaluation = reference.evaluate(person, 0, openings, j, today=today, dims=dims)
        matches.append(
            Match(participant, objects[pk], evaluation.score, evaluation, by_opening.get(pk))
        )
    return _attach_skills(_order(matches))


def _order(matches: list[Match]) -> list[Match]:
    """Pinned first (latest pin first), then the computed order with positioned ones placed."""

    def when(match):
        return match.override.created_at

    pinned = sorted(
        (m for m in matches if m.override and m.override.action == OverrideAction.PIN),
        key=when,
        reverse=True,
    )
    placed = sorted(
        (m for m in matches if m.override and m.override.action == OverrideAction.POSITION),
        key=when,
    )
    rest = [m for m in matches if m not in pinned and m not in placed and m.score is not None]
    ordered = pinned + rest
    for match in placed:
        ordered.insert(min(match.override.position - 1, len(ordered)), match)
    return ordered


def participants_for_opening(*, opening: Opening, membership, loaded=None) -> list[Match]:
    """The best participants for the opening among those the member may see."""
    loaded = loaded or _for_opening(opening, membership)
    dims, people, single = loaded.dims, loaded.people, loaded.single
    if not len(single) or not len(people):
        return []
    among = loaded.among.copy()
    overrides = _in_force(
        scoped(MatchOverride, membership).filter(opening=opening).select_related("created_by")
    )
    by_participant = {participant_pk: o for (participant_pk, _), o in overrides.items()}
    for pk, override in by_participant.items():
        if override.action == OverrideAction.EXCLUDE and (i := people.position(pk)) is not None:
            among[i] = False
    today = _today()
    ranked = engine.top_participants(people, single, 0, today=today, dims=dims, among=among)
    positions = [i for i, _ in ranked]
    for pk, override in by_participant.items():
        i = people.position(pk)
        if override.action == OverrideAction.PIN and i is not None and i not in positions:
            positions.append(i)
    objects = Participant.objects.in_bulk([int(people.ids[i]) for i in positions])
    matches = []
    for i in positions:
        pk = int(people.ids[i])
        evaluation = reference.evaluate(people, i, single, 0, today=today, dims=dims)
        override = by_participant.get(pk)
        if override and override.action != OverrideAction.PIN:
            override = None  # a position is a place in the participant's own list
        matches.append(Match(objects[pk], opening, evaluation.score, evaluation, override))
    return _attach_skills(_order(matches))


def override_history(*, participant: Participant, membership):
    return (
        scoped(MatchOverride, membership)
        .filter(participant=participant)
        .select_related("opening", "created_by")
    )


def openings_out_of_reach(*, participant: Participant, membership, loaded=None) -> OutOfReach:
    """Open openings in an occupation or SSYK group the participant has worked in that are no
    match, same occupation first, with what broke (or the bent requirements that took the score
    down to 0). Matching hides them, but a
    coach should see them: "35 hours a week, the participant wants 30" can be talked about."""
    loaded = loaded or _for_participant(participant)
    dims, openings, person = loaded.dims, loaded.openings, loaded.person
    if not len(person) or not len(openings):
        return OutOfReach([], 0)
    occupations, groups = person.occupation_sets[0], person.group_sets[0]
    own_field = np.isin(openings.occupation, list(occupations)) | np.isin(
        openings.group, list(groups)
    )
    handled = {
        pk
        for (_, pk) in _in_force(scoped(MatchOverride, membership).filter(participant=participant))
    }
    # Excluded by a coach, or pinned or placed into the matches.
    own_field &= ~np.isin(openings.ids, list(handled))
    today = _today()
    columns = np.nonzero(own_field)[0]
    scores = engine.score_block(person, [0], openings, columns, today=today, dims=dims)[0]
    out = columns[np.isneginf(scores)]
    same = np.isin(openings.occupation[out], list(occupations))
    shown = out[np.lexsort((out, ~same))][:OUT_OF_REACH]
    objects = Opening.objects.select_related("employer", "occupation").in_bulk(
        [int(openings.ids[j]) for j in shown]
    )
    matches = [
        Match(
            participant,
            objects[int(openings.ids[j])],
            None,
            reference.evaluate(person, 0, openings, int(j), today=today, dims=dims),
        )
        for j in shown
    ]
    return OutOfReach(matches, len(out))


def participants_out_of_reach(*, opening: Opening, membership, loaded=None) -> OutOfReach:
    """Active participants the member may see who have worked in the opening's occupation or
    SSYK group but are no match for it, same occupation first, with what broke."""
    if opening.occupation_id is None:
        return OutOfReach([], 0)
    loaded = loaded or _for_opening(opening, membership)
    dims, people, single = loaded.dims, loaded.people, loaded.single
    if not len(single) or not len(people):
        return OutOfReach([], 0)
    occupation, group = int(single.occupation[0]), int(single.group[0])
    worked = people.occupations[:, occupation].toarray().ravel() > 0
    if group >= 0:
        worked |= people.groups[:, group].toarray().ravel() > 0
    worked &= loaded.among
    handled = {
        pk
        for (pk, _), override in _in_force(
            scoped(MatchOverride, membership).filter(opening=opening)
        ).items()
        if override.action in (OverrideAction.EXCLUDE, OverrideAction.PIN)
    }
    worked &= ~np.isin(people.ids, list(handled))
    today = _today()
    rows = np.nonzero(worked)[0]
    scores = engine.score_block(people, rows, single, [0], today=today, dims=dims)[:, 0]
    out = rows[np.isneginf(scores)]
    same = people.occupations[out, occupation].toarray().ravel() > 0
    shown = out[np.lexsort((out, ~same))][:OUT_OF_REACH]
    objects = Participant.objects.in_bulk([int(people.ids[i]) for i in shown])
    matches = [
        Match(
            objects[int(people.ids[i])],
            opening,
            None,
            reference.evaluate(people, int(i), single, 0, today=today, dims=dims),
        )
        for i in shown
    ]
    return OutOfReach(matches, len(out))
