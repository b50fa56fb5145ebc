"""The matching rules, one pair at a time in plain Python: the reference the engine must equal,
and the source of every explanation a page shows (matched and missing skills, bent constraints).
"""

import math
from dataclasses import dataclass, field

from . import rules
from .features import KOMMUN_CODES, LICENCES, Dimensions, OpeningSide, ParticipantSide

# Constraint names, also used by the templates.
HOURS, START, DISTANCE, LICENCE, LANGUAGE, ACCESSIBILITY = (
    "hours",
    "start",
    "distance",
    "licence",
    "language",
    "accessibility",
)


CEFR_LEVELS = {rank: level for level, rank in rules.CEFR_RANK.items()}


@dataclass
class Constraint:
    name: str
    detail: dict = field(default_factory=dict)


@dataclass
class Evaluation:
    score: float | None  # None: a hard constraint is broken
    bent: list[Constraint]
    broken: list[Constraint]
    matched_must: list[int]
    matched_nice: list[int]
    from_experience: list[int]  # matched skills the participant has through an occupation
    missing_must: list[int]
    missing_nice: list[int]
    same_occupation: bool
    same_group: bool
    substitution: int
    shared_terms: list[str]
    wished: bool  # the opening's group is one the participant's interests or dreams link to
    match: bool  # no constraint broken, and enough in common (``rules.is_match``)


def _check(p: ParticipantSide, i: int, o: OpeningSide, j: int, today: int):
    bent, broken = [], []
    wanted, offered = int(p.hours[i]), int(o.hours[j])
    if wanted >= 0 and offered > wanted >= 0:
        over = Constraint(HOURS, {"opening": offered, "participant": wanted})
        bend, limit = rules.HOURS_BEND
        (bent if offered * limit <= wanted * bend else broken).append(over)
    start = int(o.starts_on[j]) if o.starts_on[j] >= 0 else today
    available = int(p.available_from[i])
    if available >= 0 and available > start:
        late = Constraint(START, {"days": available - start})
        (bent if available - start <= rules.START_BEND_DAYS else broken).append(late)
    limit_km = float(p.travel_km[i])
    if not math.isnan(limit_km) and p.kommun[i] >= 0 and o.kommun[j] >= 0:
        km = rules.distance_km(KOMMUN_CODES[p.kommun[i]], KOMMUN_CODES[o.kommun[j]])
        if km > limit_km:
            far = Constraint(DISTANCE, {"km": km, "limit": round(limit_km)})
            (bent if km <= limit_km * rules.TRAVEL_BEND else broken).append(far)
    needed = int(o.licence[j])
    if needed and not int(p.licences[i]) & needed:
        broken.append(Constraint(LICENCE, {"licence": LICENCES[needed.bit_length() - 1]}))
    if o.swedish[j] > 0 and p.swedish[i] < o.swedish[j]:
        levels = {"needed": CEFR_LEVELS[o.swedish[j]], "has": CEFR_LEVELS[p.swedish[i]]}
        (bent if o.language_support[j] else broken).append(Constraint(LANGUAGE, levels))
    if p.step_free[i] and not o.step_free[j]:
        (broken if o.accessibility_described[j] else bent).append(Constraint(ACCESSIBILITY))
    return bent, broken


def evaluate(
    p: ParticipantSide, i: int, o: OpeningSide, j: int, *, today: int, dims: Dimensions
) -> Evaluation:
    bent, broken = _check(p, i, o, j, today)
    own, implied = p.own_skills[i], p.implied_skills[i]
    must, nice = o.must_skills[j], o.nice_skills[j]
    num = 0
    for skill in must:
        num += rules.MUST * (
            rules.OWN if skill in own else rules.IMPLIED if skill in implied else 0
        )
    for skill in nice:
        num += rules.NICE * (
            rules.OWN if skill in own else rules.IMPLIED if skill in implied else 0
        )
    den = rules.OWN * (rules.MUST * len(must) + rules.NICE * len(nice))
    occupation, group = int(o.occupation[j]), int(o.group[j])
    same_occupation = occupation in p.occupation_sets[i]
    same_group = group in p.group_sets[i] and not same_occupation
    substitution = sum(
        dims.substitution_pairs.get((worked, occupation), 0) for worked in p.occupation_sets[i]
    )
    shared = sorted(p.terms[i] & o.terms[j])
    wished = group in p.wished_group_sets[i]
    score = None
    match = False
    if not broken:
        score = rules.combine(
            rules.skill_part(num, den),
            int(same_occupation),
            int(same_group),
            substitution,
            len(shared),
            len(bent),
            int(wished),
        )
        match = rules.is_match(
            score,
            num,
            int(same_occupation),
            int(same_group),
            substitution,
            len(shared),
            int(wished),
        )
    has = own | implied
    return Evaluation(
        score=score,
        bent=bent,
        broken=broken,
        matched_must=sorted(must & has),
        matched_nice=sorted(nice & has),
        from_experience=sorted((must | nice) & implied),
        missing_must=sorted(must - has),
        missing_nice=sorted(nice - has),
        same_occupation=same_occupation,
        same_group=same_group,
        substitution=substitution,
        shared_terms=shared,
        wished=wished,
        match=match,
    )


def top_openings(p, i, o, *, today, dims, k=10) -> list[tuple[int, float]]:
    """(opening position, score) of participant ``i``'s best ``k`` openings, ties by position."""
    scored = []
    for j in range(len(o)):
        evaluation = evaluate(p, i, o, j, today=today, dims=dims)
        if evaluation.match:
            scored.append((-evaluation.score, j))
    return [(j, -negative) for negative, j in sorted(scored)[:k]]


def top_participants(p, o, j, *, today, dims, k=10) -> list[tuple[int, float]]:
    scored = []
    for i in range(len(p)):
        evaluation = evaluate(p, i, o, j, today=today, dims=dims)
        if evaluation.match:
            scored.append((-evaluation.score, i))
    return [(i, -negative) for negative, i in sorted(scored)[:k]]
