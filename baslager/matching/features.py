"""What matching reads about participants and openings, loaded in a few queries per side.

Each side is a record of arrays in primary-key order (the order breaks ties between equal
scores) and sparse matrices over taxonomy concepts: skills, occupations and SSYK groups, with
columns numbered by the concepts' primary keys. Interest terms share one growing vocabulary.

Never read here: gender, birth date, preferred language, special-category data (health,
disability, origin). The fairness test varies them and expects identical rankings.
"""

import threading
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db.models import Max
from scipy import sparse

from baslager.openings.models import Opening, OpeningStatus
from baslager.participants.models import (
    Participant,
    ParticipantLanguage,
    ParticipantStatus,
    WorkExperience,
)
from baslager.taxonomy.kommuner import KOMMUNER
from baslager.taxonomy.linker import linker_for
from baslager.taxonomy.models import Occupation, OccupationGroup, Skill, Substitutability

from . import rules

KOMMUN_CODES = sorted(k.code for k in KOMMUNER)
KOMMUN_INDEX = {code: index for index, code in enumerate(KOMMUN_CODES)}
LICENCES = sorted(rules.LICENCE_INCLUDED_IN.keys() | {"A", "CE", "D", "truck", "taxi"})
LICENCE_BIT = {code: 1 << index for index, code in enumerate(LICENCES)}
SWEDISH = "sv"
UNKNOWN_DAY = -1

_vocabulary: dict[str, int] = {}
_vocabulary_lock = threading.Lock()

# Interests and dreams linked to occupations (taxonomy.linker): the SSYK groups of the linked
# occupations that score at least WISH_MIN_SCORE and WISH_RATIO of the best, WISH_LIMIT at most.
# "jobba i ett kök" reaches Kökschef, Köksmästare and Köksbiträde (and, as words go, Köksmontör);
# "Få en anställning med nystartsjobb" reaches nothing.
WISH_MIN_SCORE = 0.25
WISH_RATIO = 0.75
WISH_LIMIT = 6
_wishes: dict[str, tuple[int, ...]] = {}  # text → linked occupation pks
_wishes_linker: list = [None]
_wishes_lock = threading.Lock()
WISHES_KEPT = 200_000


def term_columns(terms) -> list[int]:
    with _vocabulary_lock:
        return [_vocabulary.setdefault(term, len(_vocabulary)) for term in terms]


def vocabulary_size() -> int:
    return len(_vocabulary)


@dataclass
class Dimensions:
    skills: int
    occupations: int
    groups: int
    substitution: sparse.csr_matrix  # [substitute, occupation] = percentage
    substitution_pairs: dict[tuple[int, int], int]  # the same, for the per-pair reference


def dimensions() -> Dimensions:
    def size(model) -> int:
        return (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

    occupations = size(Occupation)
    rows = np.array(
        Substitutability.objects.values_list("substitute_id", "occupation_id", "percentage"),
        dtype=np.int64,
    ).reshape(-1, 3)
    substitution = sparse.csr_matrix(
        (rows[:, 2].astype(np.float64), (rows[:, 0], rows[:, 1])),
        shape=(occupations, occupations),
    )
    pairs = {(int(a), int(b)): int(pct) for a, b, pct in rows}
    return Dimensions(size(Skill), occupations, size(OccupationGroup), substitution, pairs)


def _day(value) -> int:
    return value.toordinal() if value else UNKNOWN_DAY


def _matrix(rows: list[tuple[int, int, float]], shape) -> sparse.csr_matrix:
    if not rows:
        return sparse.csr_matrix(shape, dtype=np.float64)
    r, c, v = zip(*rows, strict=True)
    matrix = sparse.coo_matrix((v, (r, c)), shape=shape, dtype=np.float64).tocsr()
    matrix.sum_duplicates()
    return matrix


def _max_matrix(rows: dict[tuple[int, int], float], shape) -> sparse.csr_matrix:
    return _matrix([(r, c, v) for (r, c), v in rows.items()], shape)


@dataclass
class ParticipantSide:
    ids: np.ndarray
    kommun: np.ndarray  # index into KOMMUN_CODES, -1 unknown
    hours: np.ndarray  # -1 unknown
    available_from: np.ndarray  # ordinal day, -1 unknown
    travel_km: np.ndarray  # nan: no limit given
    licences: np.ndarray  # bit mask of the licences the participant may drive under
    swedish: np.ndarray  # CEFR rank
    step_free: np.ndarray  # needs step-free access
    skills: sparse.csr_matrix  # OWN or IMPLIED
    occupations: sparse.csr_matrix  # 1 for each occupation worked in
    groups: sparse.csr_matrix  # 1 for each SSYK group worked in
    terms: list[set[str]]
    term_matrix: sparse.csr_matrix
    # For explanations: which skills are the participant's own, which come from experience.
    own_skills: list[set[int]]
    implied_skills: list[set[int]]
    occupation_sets: list[set[int]]
    group_sets: list[set[int]]
    wished_groups: sparse.csr_matrix  # 1 for each SSYK group the interests and dreams link to
    wished_group_sets: list[set[int]]

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, pk: int) -> int | None:
        found = np.searchsorted(self.ids, pk)
        return int(found) if found < len(self.ids) and self.ids[found] == pk else None


def participants_load(queryset, dims: Dimensions) -> ParticipantSide:
    rows = list(
        queryset.filter(status=ParticipantStatus.ACTIVE)
        .order_by("pk")
        .values_list(
            "pk",
            "kommun_code",
            "driving_licences",
            "hours_per_week",
            "available_from",
            "max_travel_km",
            "max_travel_minutes",
            "interests",
            "dreams_and_goals",
            "adaptations",
            "support_needs",
        )
    )
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position = {pk: index for index, pk in enumerate(ids.tolist())}
    pks = queryset.filter(status=ParticipantStatus.ACTIVE).values("pk")

    own = [set() for _ in rows]
    for participant, skill in Participant.skills.through.objects.filter(
        participant_id__in=pks
    ).values_list("participant_id", "skill_id"):
        own[position[participant]].add(skill)
    occupations = [set() for _ in rows]
    groups = [set() for _ in rows]
    for participant, occupation, group in WorkExperience.objects.filter(
        participant_id__in=pks, occupation__isnull=False
    ).values_list("participant_id", "occupation_id", "occupation__group_id"):
        occupations[position[participant]].add(occupation)
        if group:
            groups[position[participant]].add(group)
    group_skills = defaultdict(set)
    for group, skill in OccupationGroup.skills.through.objects.filter(
        occupationgroup_id__in={g for each in groups for g in each}
    ).values_list("occupationgroup_id", "skill_id"):
        group_skills[group].add(skill)
    implied = [
        {s for g in each for s in group_skills[g]} - own[index] for index, each in enumerate(groups)
    ]
    wished = wished_groups([(row[7], row[8]) for row in rows])
    swedish = np.zeros(len(rows), dtype=np.int8)
    for participant, level in ParticipantLanguage.objects.filter(
        participant_id__in=pks, language__iso_code=SWEDISH
    ).values_list("participant_id", "cefr_level"):
        swedish[position[participant]] = rules.CEFR_RANK.get(level, 0)

    terms = [rules.interest_terms(row[7], row[8]) for row in rows]
    skill_rows = [(i, s, rules.OWN) for i, each in enumerate(own) for s in each]
    skill_rows += [(i, s, rules.IMPLIED) for i, each in enumerate(implied) for s in each]
    return ParticipantSide(
        ids=ids,
        kommun=np.array([KOMMUN_INDEX.get(row[1], -1) for row in rows], dtype=np.int32),
        hours=np.array([-1 if row[3] is None else row[3] for row in rows], dtype=np.int32),
        available_from=np.array([_day(row[4]) for row in rows], dtype=np.int64),
        travel_km=np.array(
            [
                np.nan if (limit := rules.travel_limit_km(row[5], row[6])) is None else limit
                for row in rows
            ],
            dtype=np.float64,
        ),
        licences=np.array([licence_mask(row[2]) for row in rows], dtype=np.int64),
        swedish=swedish,
        step_free=np.array([rules.needs_step_free(row[9], row[10]) for row in rows], dtype=bool),
        skills=_matrix(skill_rows, (len(rows), dims.skills)),
        occupations=_matrix(
            [(i, o, 1.0) for i, each in enumerate(occupations) for o in each],
            (len(rows), dims.occupations),
        ),
        groups=_matrix(
            [(i, g, 1.0) for i, each in enumerate(groups) for g in each],
            (len(rows), dims.groups),
        ),
        terms=terms,
        term_matrix=_terms_matrix(terms),
        own_skills=own,
        implied_skills=implied,
        occupation_sets=occupations,
        group_sets=groups,
        wished_groups=_matrix(
            [(i, g, 1.0) for i, each in enumerate(wished) for g in each],
            (len(rows), dims.groups),
        ),
        wished_group_sets=wished,
    )


def wished_groups(texts: list[tuple[str, ...]]) -> list[set[int]]:
    """For each participant's texts (interests, dreams and goals), the SSYK groups they link to.

    Each distinct text is linked once per process and taxonomy (demo texts repeat, and a side is
    reloaded whenever a participant changes); the groups are read afresh in one query.
    """
    linker = linker_for("occupation")
    distinct = {t for each in texts for t in each if t.strip()}
    with _wishes_lock:
        if _wishes_linker[0] is not linker or len(_wishes) > WISHES_KEPT:
            _wishes.clear()
            _wishes_linker[0] = linker
        known = {t: _wishes[t] for t in distinct if t in _wishes}
    missing = sorted(distinct - known.keys())
    new = dict(
        zip(
            missing,
            map(_linked, linker.rank_many(missing, WISH_LIMIT, WISH_MIN_SCORE)),
            strict=True,
        )
    )
    with _wishes_lock:
        _wishes.update(new)
    known.update(new)
    linked = [{pk for t in each if t.strip() for pk in known[t]} for each in texts]
    group_of = dict(
        Occupation.objects.filter(pk__in=set().union(*linked), group__isnull=False).values_list(
            "pk", "group_id"
        )
    )
    return [{group_of[pk] for pk in each if pk in group_of} for each in linked]


def wishes_clear() -> None:
    with _wishes_lock:
        _wishes.clear()
        _wishes_linker[0] = None


def _linked(ranked: list[tuple[int, float]]) -> tuple[int, ...]:
    if not ranked:
        return ()
    floor = WISH_RATIO * ranked[0][1]
    return tuple(pk for pk, score in ranked if score >= floor)


def licence_mask(held) -> int:
    """Bits of every licence class ``held`` lets one drive under (C includes B, and so on)."""
    return sum(bit for code, bit in LICENCE_BIT.items() if rules.holds_licence(held or [], code))


def _terms_matrix(terms: list[set[str]]) -> sparse.csr_matrix:
    rows = [(i, column, 1.0) for i, each in enumerate(terms) for column in term_columns(each)]
    return _matrix(rows, (len(terms), vocabulary_size()))


@dataclass
class OpeningSide:
    ids: np.ndarray
    kommun: np.ndarray
    hours: np.ndarray
    starts_on: np.ndarray
    licence: np.ndarray  # bit of the licence needed, 0 if none
    swedish: np.ndarray  # CEFR rank needed
    language_support: np.ndarray
    step_free: np.ndarray  # says it has step-free access
    accessibility_described: np.ndarray
    skills: sparse.csr_matrix  # MUST or NICE
    skill_den: np.ndarray  # OWN * the sum of the opening's skill weights
    occupation: np.ndarray  # occupation pk, -1 none
    group: np.ndarray  # SSYK group pk, -1 none
    occupation_matrix: sparse.csr_matrix  # one-hot occupation
    group_matrix: sparse.csr_matrix
    terms: list[set[str]]
    term_matrix: sparse.csr_matrix
    must_skills: list[set[int]]
    nice_skills: list[set[int]]

    def __len__(self) -> int:
        return len(self.ids)

    def position(self, pk: int) -> int | None:
        found = np.searchsorted(self.ids, pk)
        return int(found) if found < len(self.ids) and self.ids[found] == pk else None


def openings_load(queryset, dims: Dimensions, *, open_only: bool = True) -> OpeningSide:
    """``open_only=False`` only for the benchmark, which matches every opening of the demo."""
    open_openings = queryset.filter(status=OpeningStatus.OPEN) if open_only else queryset
    rows = list(
        open_openings.order_by("pk").values_list(
            "pk",
            "occupation_id",
            "occupation__group_id",
            "swedish_level_needed",
            "offers_language_support",
            "driving_licence",
            "hours_per_week",
            "kommun_code",
            "workplace_accessibility",
            "starts_on",
            "title",
            "occupation__label",
            "occupation__group__label",
        )
    )
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    position = {pk: index for index, pk in enumerate(ids.tolist())}
    pks = open_openings.values("pk")
    must = [set() for _ in rows]
    nice = [set() for _ in rows]
    for opening, skill in Opening.must_have_skills.through.objects.filter(
        opening_id__in=pks
    ).values_list("opening_id", "skill_id"):
        must[position[opening]].add(skill)
    for opening, skill in Opening.nice_to_have_skills.through.objects.filter(
        opening_id__in=pks
    ).values_list("opening_id", "skill_id"):
        nice[position[opening]].add(skill)
    # An opening that lists no skills asks for its occupation's, as nice-to-haves.
    bare = {
        row[1]: [] for index, row in enumerate(rows) if row[1] and not must[index] | nice[index]
    }
    for occupation, skill in Occupation.skills.through.objects.filter(
        occupation_id__in=bare.keys()
    ).values_list("occupation_id", "skill_id"):
        bare[occupation].append(skill)
    for index, row in enumerate(rows):
        nice[index] -= must[index]
        if row[1] in bare and not must[index] | nice[index]:
            nice[index] = set(bare[row[1]])

    weights = {}
    for index in range(len(rows)):
        weights.update({(index, s): rules.NICE for s in nice[index]})
        weights.update({(index, s): rules.MUST for s in must[index]})
    terms = [rules.opening_terms(row[10], row[11] or "", row[12] or "") for row in rows]
    occupation = np.array([row[1] or -1 for row in rows], dtype=np.int64)
    group = np.array([row[2] or -1 for row in rows], dtype=np.int64)
    return OpeningSide(
        ids=ids,
        kommun=np.array([KOMMUN_INDEX.get(row[7], -1) for row in rows], dtype=np.int32),
        hours=np.array([-1 if row[6] is None else row[6] for row in rows], dtype=np.int32),
        starts_on=np.array([_day(row[9]) for row in rows], dtype=np.int64),
        licence=np.array([LICENCE_BIT.get(row[5], 0) for row in rows], dtype=np.int64),
        swedish=np.array([rules.CEFR_RANK.get(row[3], 0) for row in rows], dtype=np.int8),
        language_support=np.array([row[4] for row in rows], dtype=bool),
        step_free=np.array([rules.offers_step_free(row[8]) for row in rows], dtype=bool),
        accessibility_described=np.array([bool(row[8].strip()) for row in rows], dtype=bool),
        skills=_max_matrix(weights, (len(rows), dims.skills)),
        skill_den=np.array(
            [
                rules.OWN * (rules.MUST * len(m) + rules.NICE * len(n))
                for m, n in zip(must, nice, strict=True)
            ],
            dtype=np.float64,
        ),
        occupation=occupation,
        group=group,
        occupation_matrix=_one_hot(occupation, dims.occupations),
        group_matrix=_one_hot(group, dims.groups),
        terms=terms,
        term_matrix=_terms_matrix(terms),
        must_skills=must,
        nice_skills=nice,
    )


def _one_hot(values: np.ndarray, width: int) -> sparse.csr_matrix:
    present = np.nonzero(values >= 0)[0]
    return sparse.csr_matrix(
        (np.ones(len(present)), (present, values[present])), shape=(len(values), width)
    )
