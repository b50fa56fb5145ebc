"""The vectorised matcher: the rules of ``reference.py`` on blocks of pairs at once.

Hard constraints are boolean masks over a block of participants × openings; the score parts are
sparse products over taxonomy concepts; the best ``k`` per row come from ``np.partition`` with
ties broken by position (primary-key order), exactly as the reference sorts.
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from . import rules
from .features import KOMMUN_CODES, Dimensions, OpeningSide, ParticipantSide, vocabulary_size

_DISTANCES = np.array(
    [[rules.distance_km(a, b) for b in KOMMUN_CODES] for a in KOMMUN_CODES], dtype=np.float64
)
BLOCK = 512


def _transposed(side, name: str) -> sparse.csr_matrix:
    """``side.<name>`` transposed to CSR once, for products against the other side's rows."""
    cache = side.__dict__.setdefault("_transposed", {})
    if name not in cache:
        cache[name] = getattr(side, name).T.tocsr()
    return cache[name]


def _terms(side) -> sparse.csr_matrix:
    # The vocabulary may have grown since a side was loaded; the new columns are empty for it.
    matrix = side.term_matrix
    if matrix.shape[1] < vocabulary_size():
        matrix = matrix.copy()
        matrix.resize((matrix.shape[0], vocabulary_size()))
        side.term_matrix = matrix
        side.__dict__.get("_transposed", {}).pop("term_matrix", None)
    return matrix


def score_block(
    p: ParticipantSide, rows, o: OpeningSide, columns, *, today: int, dims: Dimensions
) -> np.ndarray:
    """Scores of participants ``rows`` × openings ``columns``; -inf where a constraint breaks
    or the pair is no match (``rules.is_match``)."""
    rows = np.arange(len(p))[rows]
    columns = np.arange(len(o))[columns]
    broken = np.zeros((len(rows), len(columns)), dtype=bool)
    bent = np.zeros((len(rows), len(columns)), dtype=np.int8)

    def bend(outside, within):
        nonlocal broken, bent
        bent += outside & within
        broken |= outside & ~within

    wanted, offered = p.hours[rows][:, None], o.hours[columns][None, :]
    bend_, limit = rules.HOURS_BEND
    bend((wanted >= 0) & (offered > wanted), offered * limit <= wanted * bend_)

    start = np.where(o.starts_on[columns] >= 0, o.starts_on[columns], today)[None, :]
    available = p.available_from[rows][:, None]
    bend((available >= 0) & (available > start), available - start <= rules.START_BEND_DAYS)

    limit_km = p.travel_km[rows][:, None]
    here, there = p.kommun[rows], o.kommun[columns]
    km = _DISTANCES[np.maximum(here, 0)][:, np.maximum(there, 0)]
    known = ~np.isnan(limit_km) & (here >= 0)[:, None] & (there >= 0)[None, :]
    with np.errstate(invalid="ignore"):
        bend(known & (km > limit_km), km <= limit_km * rules.TRAVEL_BEND)

    needed = o.licence[columns][None, :]
    broken |= (needed != 0) & ((p.licences[rows][:, None] & needed) == 0)

    swedish_short = (o.swedish[columns] > 0)[None, :] & (
        p.swedish[rows][:, None] < o.swedish[columns][None, :]
    )
    bend(swedish_short, o.language_support[columns][None, :])

    steps = p.step_free[rows][:, None] & ~o.step_free[columns][None, :]
    bend(steps, ~o.accessibility_described[columns][None, :])

    num = (p.skills[rows] @ _transposed(o, "skills")[:, columns]).toarray()
    den = o.skill_den[columns][None, :]
    skills = np.where(den > 0, rules.SKILL_POINTS * num / np.maximum(den, 1), 0.0)
    occupation_t = _transposed(o, "occupation_matrix")[:, columns]
    worked = p.occupations[rows]
    same_occupation = (worked @ occupation_t).toarray() > 0
    same_group = ((p.groups[rows] @ _transposed(o, "group_matrix")[:, columns]).toarray() > 0) & (
        ~same_occupation
    )
    substitution = ((worked @ dims.substitution) @ occupation_t).toarray()
    _terms(o)
    shared = (_terms(p)[rows] @ _transposed(o, "term_matrix")[:, columns]).toarray()
    group_t = _transposed(o, "group_matrix")[:, columns]
    wished = ((p.wished_groups[rows] @ group_t).toarray() > 0).astype(np.int64)
    same_occupation = same_occupation.astype(np.int64)
    same_group = same_group.astype(np.int64)
    scores = rules.combine(
        skills, same_occupation, same_group, substitution, shared, bent.astype(np.int64), wished
    )
    match = rules.is_match(scores, num, same_occupation, same_group, substitution, shared, wished)
    scores[broken | ~match] = -np.inf
    return scores


def select_top(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the positions and scores of the ``k`` best, best first, equal scores by position.

    Rows with fewer than ``k`` possible pairs are padded with position -1 and score -inf.
    """
    n_rows, n_columns = scores.shape
    if n_columns <= k:
        keep = np.broadcast_to(np.arange(n_columns), scores.shape).copy()
    else:
        negative = -scores
        kth = np.partition(negative, k - 1, axis=1)[:, k - 1 : k]
        better = negative < kth
        tied = negative == kth
        room = k - better.sum(axis=1, keepdims=True)
        chosen = better | (tied & (np.cumsum(tied, axis=1) <= room))
        keep = np.nonzero(chosen)[1].reshape(n_rows, k)
    kept = np.take_along_axis(scores, keep, axis=1)
    order = np.lexsort((keep, -kept), axis=1)
    keep = np.take_along_axis(keep, order, axis=1)
    kept = np.take_along_axis(kept, order, axis=1)
    keep[np.isneginf(kept)] = -1
    if n_columns < k:
        pad = k - n_columns
        keep = np.pad(keep, ((0, 0), (0, pad)), constant_values=-1)
        kept = np.pad(kept, ((0, 0), (0, pad)), constant_values=-np.inf)
    return keep, kept


def _pairs(keep: np.ndarray, kept: np.ndarray) -> list[tuple[int, float]]:
    return [(int(j), float(s)) for j, s in zip(keep, kept, strict=True) if j >= 0]


def top_openings(p, i: int, o, *, today: int, dims: Dimensions, k: int = 10):
    """(opening position, score) of participant ``i``'s best ``k`` openings."""
    if not len(o):
        return []
    keep, kept = select_top(score_block(p, [i], o, slice(None), today=today, dims=dims), k)
    return _pairs(keep[0], kept[0])


def top_participants(p, o, j: int, *, today: int, dims: Dimensions, k: int = 10, among=None):
    """(participant position, score) of the best ``k`` for opening ``j``; ``among``: a boolean
    mask of the participants the asker may see."""
    if not len(p):
        return []
    scores = score_block(p, slice(None), o, [j], today=today, dims=dims).T
    if among is not None:
        scores[:, ~among] = -np.inf
    keep, kept = select_top(scores, k)
    return _pairs(keep[0], kept[0])


@dataclass
class Batch:
    openings_for: np.ndarray  # participants × k opening positions (-1: none)
    opening_scores: np.ndarray
    participants_for: np.ndarray  # openings × k participant positions
    participant_scores: np.ndarray


def top_both_ways(p, o, *, today: int, dims: Dimensions, k: int = 10, block: int = BLOCK):
    """Everyone's best ``k`` both ways, a block of participants at a time."""
    openings_for = np.full((len(p), k), -1, dtype=np.int64)
    opening_scores = np.full((len(p), k), -np.inf)
    best = np.full((len(o), k), -1, dtype=np.int64)
    best_scores = np.full((len(o), k), -np.inf)
    for start in range(0, len(p), block):
        stop = min(start + block, len(p))
        scores = score_block(p, slice(start, stop), o, slice(None), today=today, dims=dims)
        keep, kept = select_top(scores, k)
        openings_for[start:stop], opening_scores[start:stop] = keep, kept
        keep, kept = select_top(scores.T, k)
        keep = np.where(keep >= 0, keep + start, -1)
        # Earlier blocks hold lower positions, so putting them first keeps ties by position.
        merged_keep = np.concatenate([best, keep], axis=1)
        merged_scores = np.concatenate([best_scores, kept], axis=1)
        order, best_scores = select_top(merged_scores, k)
        best = np.where(order >= 0, np.take_along_axis(merged_keep, np.maximum(order, 0), 1), -1)
    return Batch(openings_for, opening_scores, best, best_scores)
