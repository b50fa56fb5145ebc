"""Widening: occupations a person never thought of, outside their earlier field, within reach.

A candidate occupation scores by

* the cosine of IDF-weighted skill vectors (an occupation's skills are its own links and its
  SSYK level-4 group's links), so rare shared skills count for more than "Kundservice";
* substitutability: the source can do the target's work (the target lists it as a substitute)
  at 25 % or 75 %, or, weighing half, the target can do the source's work;
* a mild prior for sharing SSYK (and so ISCO) major, sub-major or minor group.

The person's own SSYK level-4 groups are excluded: those are the field they already know. For a
person the source is the union of the skills of their earlier occupations and their own skills.
The index over the whole taxonomy is built once per process and rebuilt when the taxonomy changes.
"""

import threading
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max, Q
from scipy import sparse

from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningStatus
from baslager.organisations.access import scoped
from baslager.outreach.models import RecruitmentNeed
from baslager.taxonomy.models import (
    Industry,
    Occupation,
    OccupationGroup,
    Skill,
    Substitutability,
    TaxonomyVersion,
)

SUBSTITUTION_WEIGHT = 0.5
REVERSE_SUBSTITUTION = 0.5  # the target can do the source's work: a weaker hint than the converse
# Shared SSYK code prefix → bonus; small next to a real skill overlap.
HIERARCHY_PRIOR = {3: 0.05, 2: 0.02, 1: 0.01}
SHOWN_SHARED = 6
SHOWN_GAP = 8
SHOWN_OPENINGS = 5
SHOWN_EMPLOYERS = 3


@dataclass
class Index:
    """Occupations as rows, skills as columns; everything keyed by database pk."""

    occupation_pks: np.ndarray
    group_pks: np.ndarray  # -1 when the occupation has no group
    codes: list[str]  # SSYK level-4 code per row ("" without a group)
    skill_pks: np.ndarray
    idf: np.ndarray
    skills: sparse.csr_matrix  # binary: occupation or group link
    own_links: sparse.csr_matrix  # binary: the occupation's own links
    weighted: sparse.csr_matrix  # skills × idf, rows of unit length
    substitution: sparse.csr_matrix  # [source, target] → 0.25 … 0.75
    prefixes: dict[int, np.ndarray] = field(default_factory=dict)  # length → SSYK code prefixes
    row_of: dict[int, int] = field(default_factory=dict)
    column_of: dict[int, int] = field(default_factory=dict)


def build_index(
    *,
    occupations: list[tuple[int, int | None, str]],
    occupation_skills: list[tuple[int, int]],
    group_skills: list[tuple[int, int]],
    substitutions: list[tuple[int, int, int]],
) -> Index:
    """``occupations``: (pk, group pk, SSYK code); ``substitutions``: (occupation, substitute,
    percentage) as stored, the substitute can do the occupation's work."""
    occupations = sorted(occupations)
    row_of = {pk: row for row, (pk, _, _) in enumerate(occupations)}
    skill_pks = np.array(sorted({s for _, s in occupation_skills} | {s for _, s in group_skills}))
    column_of = {int(pk): column for column, pk in enumerate(skill_pks)}
    shape = (len(occupations), len(skill_pks))
    own = _binary([(row_of[o], column_of[s]) for o, s in occupation_skills if o in row_of], shape)
    rows_of_group: dict[int, list[int]] = {}
    for pk, group, _ in occupations:
        if group is not None:
            rows_of_group.setdefault(group, []).append(row_of[pk])
    inherited = _binary(
        [(row, column_of[s]) for group, s in group_skills for row in rows_of_group.get(group, ())],
        shape,
    )
    skills = ((own + inherited) > 0).astype(np.float64).tocsr()
    document_frequency = np.asarray(skills.sum(axis=0)).ravel()
    idf = np.log((1 + shape[0]) / (1 + document_frequency)) + 1.0
    weighted = _unit_rows(skills @ sparse.diags(idf))
    substitution = _substitution_matrix(substitutions, row_of, len(occupations))
    return Index(
        occupation_pks=np.array([pk for pk, _, _ in occupations], dtype=np.int64),
        group_pks=np.array([-1 if g is None else g for _, g, _ in occupations], dtype=np.int64),
        codes=[code or "" for _, _, code in occupations],
        skill_pks=skill_pks.astype(np.int64),
        idf=idf,
        skills=skills,
        own_links=own,
        weighted=weighted,
        substitution=substitution,
        prefixes={
            length: np.array([(code or "")[:length] for _, _, code in occupations], dtype=str)
            for length in HIERARCHY_PRIOR
        },
        row_of=row_of,
        column_of=column_of,
    )


def _binary(pairs: list[tuple[int, int]], shape: tuple[int, int]) -> sparse.csr_matrix:
    if not pairs:
        return sparse.csr_matrix(shape, dtype=np.float64)
    rows, columns = zip(*pairs, strict=True)
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    matrix.data[:] = 1.0  # duplicate pairs were summed
    return matrix


def _unit_rows(matrix) -> sparse.csr_matrix:
    matrix = sparse.csr_matrix(matrix)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _substitution_matrix(substitutions, row_of: dict[int, int], size: int) -> sparse.csr_matrix:
    """[source, target]: the source can do the target's work (full weight), or the target can
    do the source's (REVERSE_SUBSTITUTION); the stronger of the two counts."""
    weights: dict[tuple[int, int], float] = {}
    for occupation, substitute, percentage in substitutions:
        if occupation not in row_of or substitute not in row_of:
            continue
        target, source = row_of[occupation], row_of[substitute]
        for pair, weight in (
            ((source, target), percentage / 100),
            ((target, source), REVERSE_SUBSTITUTION * percentage / 100),
        ):
            weights[pair] = max(weights.get(pair, 0.0), weight)
    if not weights:
        return sparse.csr_matrix((size, size), dtype=np.float64)
    pairs, values = zip(*weights.items(), strict=True)
    rows, columns = zip(*pairs, strict=True)
    return sparse.csr_matrix((values, (rows, columns)), shape=(size, size))


def _prior(index: Index, rows: list[int]) -> np.ndarray:
    """The best hierarchy bonus any source row gives each target."""
    bonus = np.zeros(len(index.codes))
    for row in rows:
        code = index.codes[row]
        if not code:
            continue
        for length, weight in HIERARCHY_PRIOR.items():
            same = index.prefixes[length] == code[:length]
            bonus = np.maximum(bonus, np.where(same, weight, 0.0))
    return bonus


def source_vector(index: Index, rows: list[int], skill_pks: set[int]) -> np.ndarray:
    """Binary skills of the source: its occupations' skills and the person's own."""
    vector = np.zeros(len(index.skill_pks))
    if rows:
        vector = np.asarray(index.skills[rows].sum(axis=0)).ravel()
    for pk in skill_pks:
        if pk in index.column_of:
            vector[index.column_of[pk]] = 1.0
    return (vector > 0).astype(np.float64)


def scores(
    index: Index, rows: list[int], skill_pks: set[int] = frozenset(), *, substitution: bool = True
) -> np.ndarray:
    """Score of every occupation for the source; the source's own groups get -inf."""
    weighted = source_vector(index, rows, skill_pks) * index.idf
    norm = np.linalg.norm(weighted)
    result = index.weighted @ (weighted / norm) if norm else np.zeros(len(index.codes))
    if substitution and rows:
        result = (
            result + SUBSTITUTION_WEIGHT * index.substitution[rows].max(axis=0).toarray().ravel()
        )
    result = result + _prior(index, rows)
    return _exclude_own_groups(index, rows, result)


def jaccard_scores(index: Index, row: int) -> np.ndarray:
    """The baseline: plain Jaccard overlap of skill sets, own group excluded."""
    shared = (index.skills @ index.skills[row].T).toarray().ravel()
    sizes = np.asarray(index.skills.sum(axis=1)).ravel()
    union = sizes + sizes[row] - shared
    result = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return _exclude_own_groups(index, [row], result)


def _exclude_own_groups(index: Index, rows: list[int], result: np.ndarray) -> np.ndarray:
    result = result.astype(np.float64, copy=True)
    for row in rows:
        group = index.group_pks[row]
        result[index.group_pks == group if group >= 0 else [row]] = -np.inf
    return result


def top(result: np.ndarray, limit: int) -> list[int]:
    """Rows of the ``limit`` best positive scores, best first; ties keep row order. A score of
    nothing in common is no suggestion."""
    order = np.argsort(-result, kind="stable")[:limit]
    return [int(row) for row in order if np.isfinite(result[row]) and result[row] > 0]


# The index of the stored taxonomy, per process.

_cached: tuple[tuple, Index] | None = None
_lock = threading.Lock()


def _key() -> tuple:
    latest = TaxonomyVersion.objects.order_by("-pk").values_list("pk", flat=True).first()
    parts = [latest]
    for model in (
        Occupation,
        Occupation.skills.through,
        Occupation.skills_in_ads.through,
        OccupationGroup.skills.through,
        Substitutability,
    ):
        rows = model.objects.aggregate(count=Count("pk"), last=Max("pk"))
        parts += [rows["count"], rows["last"]]
    return tuple(parts)


def stored_index() -> Index:
    global _cached
    key = _key()
    with _lock:
        if _cached is None or _cached[0] != key:
            _cached = (key, _build_stored())
        return _cached[1]


def index_clear() -> None:
    global _cached
    _cached = None


def _build_stored() -> Index:
    return build_index(
        occupations=list(Occupation.objects.values_list("pk", "group_id", "group__code")),
        occupation_skills=list(
            Occupation.skills.through.objects.values_list("occupation_id", "skill_id")
        )
        + list(Occupation.skills_in_ads.through.objects.values_list("occupation_id", "skill_id")),
        group_skills=list(
            OccupationGroup.skills.through.objects.values_list("occupationgroup_id", "skill_id")
        ),
        substitutions=list(
            Substitutability.objects.values_list("occupation_id", "substitute_id", "percentage")
        ),
    )


# A person's suggestions.


@dataclass
class EmployerHint:
    """An employer an opening in the occupation could come from, and why."""

    employer: Employer
    need: RecruitmentNeed | None  # the need they gave in a needs survey, if that is why
    industry: Industry | None  # else their industry, one that has had such openings


@dataclass
class Suggestion:
    occupation: Occupation
    score: float
    registered: list[Skill]  # shared skills registered on the participant
    from_experience: list[Skill]  # shared skills their earlier occupations imply, unregistered
    gap: list[Skill]
    gap_count: int
    openings: list[Opening]
    opening_count: int
    substitutes: bool  # the person's earlier work can stand in for this occupation
    employers: list[EmployerHint] = field(default_factory=list)  # when there are no openings


def widening_for_participant(*, membership, participant, limit: int = 5) -> list[Suggestion]:
    """Occupations outside the participant's earlier groups, within reach of their skills, with
    the shared skills, the skill gap (most important first) and the open openings the membership
    may see. Empty when they have neither an occupation nor a skill to start from."""
    occupation_pks = {
        pk for pk in participant.experiences.values_list("occupation_id", flat=True) if pk
    }
    own_skills = set(participant.skills.values_list("pk", flat=True))
    if not occupation_pks and not own_skills:
        return []
    index = stored_index()
    rows = sorted(index.row_of[pk] for pk in occupation_pks if pk in index.row_of)
    if not rows and not any(pk in index.column_of for pk in own_skills):
        return []
    result = scores(index, rows, own_skills)
    chosen = top(result, limit)
    if not chosen:
        return []
    have = source_vector(index, rows, own_skills) > 0
    targets = [int(index.occupation_pks[row]) for row in chosen]
    openings = _open_openings(membership, targets)
    wanted = _wanted_skills(openings)
    plans = {}
    for row in chosen:
        shared, gap = _shared_and_gap(index, row, have, wanted)
        # Only what is registered on the person is theirs; the rest is what their earlier
        # occupations usually involve, which a coach should check before counting on it.
        registered = [pk for pk in shared if pk in own_skills][:SHOWN_SHARED]
        implied = [pk for pk in shared if pk not in own_skills][:SHOWN_SHARED]
        plans[row] = (registered, implied, gap)
    labels = Skill.objects.in_bulk(
        {pk for r, i, gap in plans.values() for pk in r + i + gap[:SHOWN_GAP]}
    )
    occupations = Occupation.objects.select_related("group").in_bulk(targets)
    hints = employer_hints(membership, [pk for pk in targets if pk not in openings])
    suggestions = []
    for row, pk in zip(chosen, targets, strict=True):
        registered, implied, gap = plans[row]
        suggestions.append(
            Suggestion(
                occupation=occupations[pk],
                score=float(result[row]),
                registered=[labels[s] for s in registered],
                from_experience=[labels[s] for s in implied],
                gap=[labels[s] for s in gap[:SHOWN_GAP]],
                gap_count=len(gap),
                openings=openings.get(pk, [])[:SHOWN_OPENINGS],
                opening_count=len(openings.get(pk, [])),
                substitutes=bool(rows) and index.substitution[rows, row].max() > 0,
                employers=hints.get(pk, []),
            )
        )
    return suggestions


def employer_hints(membership, occupation_pks: list[int]) -> dict[int, list[EmployerHint]]:
    """Where openings in occupations that have none open could come from, ``SHOWN_EMPLOYERS``
    per occupation: first employers whose needs survey named the occupation (latest first),
    then employers in an industry (SNI division) where employers have had openings in it or in
    its SSYK group."""
    if not occupation_pks:
        return {}
    hints: dict[int, list[EmployerHint]] = {pk: [] for pk in occupation_pks}
    named: dict[int, set[int]] = {pk: set() for pk in occupation_pks}
    needs = (
        scoped(RecruitmentNeed, membership)
        .filter(occupation_id__in=occupation_pks)
        .select_related("survey__call__target__employer")
        .order_by("-pk")
    )
    for need in needs:
        employer = need.survey.call.target.employer
        if (
            len(hints[need.occupation_id]) < SHOWN_EMPLOYERS
            and employer.pk not in named[need.occupation_id]
        ):
            hints[need.occupation_id].append(EmployerHint(employer, need, None))
            named[need.occupation_id].add(employer.pk)
    # Openings of any status in the occupation, or failing that in its SSYK group, tell which
    # industries employ it.
    group_of = dict(
        Occupation.objects.filter(pk__in=occupation_pks, group__isnull=False).values_list(
            "pk", "group_id"
        )
    )
    in_group: dict[int, set[int]] = {}
    for occupation, group in group_of.items():
        in_group.setdefault(group, set()).add(occupation)
    divisions: dict[str, set[int]] = {}
    for occupation, group, code in (
        scoped(Opening, membership)
        .filter(
            Q(occupation_id__in=occupation_pks) | Q(occupation__group_id__in=in_group.keys()),
            employer__industry__isnull=False,
        )
        .values_list("occupation_id", "occupation__group_id", "employer__industry__code")
        .distinct()
    ):
        if code[:2].isdigit():
            fits = in_group.get(group, set()) | ({occupation} & hints.keys())
            divisions.setdefault(code[:2], set()).update(fits)
    if divisions:
        in_divisions = Q()
        for division in divisions:
            in_divisions |= Q(industry__code__startswith=division)
        employers = (
            scoped(Employer, membership)
            .filter(in_divisions)
            .select_related("industry")
            .order_by("name", "pk")
        )
        for employer in employers.iterator(chunk_size=100):
            for occupation in divisions.get(employer.industry.code[:2], ()):
                shown = hints[occupation]
                if len(shown) < SHOWN_EMPLOYERS and employer.pk not in named[occupation]:
                    shown.append(EmployerHint(employer, None, employer.industry))
                    named[occupation].add(employer.pk)
            if all(len(shown) >= SHOWN_EMPLOYERS for shown in hints.values()):
                break
    return hints


def _shared_and_gap(
    index: Index, row: int, have: np.ndarray, wanted: dict[int, int]
) -> tuple[list[int], list[int]]:
    """Skill pks: shared, rarest first; the gap ordered by how many open openings ask for the
    skill, then the occupation's own links before its group's, then rarest first."""
    columns = index.skills[row].indices
    own = set(index.own_links[row].indices)
    shared = sorted((c for c in columns if have[c]), key=lambda c: -index.idf[c])
    gap = sorted(
        (c for c in columns if not have[c]),
        key=lambda c: (-wanted.get(int(index.skill_pks[c]), 0), c not in own, -index.idf[c]),
    )
    return [int(index.skill_pks[c]) for c in shared], [int(index.skill_pks[c]) for c in gap]


def _open_openings(membership, occupation_pks: list[int]) -> dict[int, list[Opening]]:
    found: dict[int, list[Opening]] = {}
    queryset = (
        scoped(Opening, membership)
        .filter(status=OpeningStatus.OPEN, occupation_id__in=occupation_pks)
        .select_related("employer")
        .prefetch_related("must_have_skills")
        .order_by("-created_at", "-pk")
    )
    for opening in queryset:
        found.setdefault(opening.occupation_id, []).append(opening)
    return found


def _wanted_skills(openings: dict[int, list[Opening]]) -> dict[int, int]:
    wanted: dict[int, int] = {}
    for rows in openings.values():
        for opening in rows:
            for skill in opening.must_have_skills.all():
                wanted[skill.pk] = wanted.get(skill.pk, 0) + 1
    return wanted
