"""The matching rules on single values, shared by the vectorised engine and the per-pair reference.

Scores are built from integer parts (skill weights, substitutability percentages, shared terms)
combined by ``combine`` in one fixed order of floating-point operations, so the engine and the
reference give bit-for-bit the same scores and hence the same ranking.

Gender, birth date, origin and disability are never read here: only what the participant can do,
wants and needs, and what the opening asks for.
"""

import math
import re
from functools import cache

from .kommun_seats import SEATS

# Skill weights: an opening's must-have counts twice a nice-to-have; a participant's own skill
# counts twice a skill only implied by the SSYK group of an occupation they have worked in.
MUST, NICE = 2, 1
OWN, IMPLIED = 2, 1

# Points (out of 100) per part of the score, and the cost of each bent constraint.
SKILL_POINTS = 50
SAME_OCCUPATION_POINTS = 20
SAME_GROUP_POINTS = 10
ADJACENT_POINTS = 15
INTEREST_POINTS = 15
INTEREST_TERMS_FOR_FULL = 2
BENT_COST = 5

# A constraint is bent, not broken, up to a quarter beyond the participant's limit.
HOURS_BEND = (5, 4)  # opening hours * 4 <= wanted hours * 5
TRAVEL_BEND = 1.25
# A start up to this many days before the participant is available is bent, later ones broken.
START_BEND_DAYS = 30
# Travel time is turned into distance at about 40 km/h door to door (bus and train with changes).
KM_PER_MINUTE = 40 / 60

CEFR_RANK = {"": 0, "A1": 1, "A2": 2, "B1": 3, "B2": 4, "C1": 5, "C2": 6, "native": 7}

# Transportstyrelsen: a higher class includes the lower ones (B is needed for C1, C, D1, D).
LICENCE_INCLUDED_IN = {
    "AM": {"A1", "A2", "A", "B", "BE", "C1", "C", "CE", "D1", "D"},
    "A1": {"A2", "A"},
    "A2": {"A"},
    "B": {"BE", "C1", "C", "CE", "D1", "D"},
    "BE": {"CE"},
    "C1": {"C", "CE"},
    "C": {"CE"},
    "D1": {"D"},
}

# Accessibility: a participant who needs step-free access, and a workplace that says it has it.
STEP_FREE_NEED = ("rullstol", "rullator", "permobil", "kryckor", "wheelchair", "rörelsehinder")
STEP_FREE_OFFER = (
    "rullstol",
    "wheelchair",
    "hiss",
    "ramp",
    "markplan",
    "trappfri",
    "tillgänglighetsanpassad",
    "step-free",
)

STOPWORDS = frozenset(
    [
        "vill",
        "jobba",
        "jobbar",
        "jobbat",
        "arbeta",
        "arbetar",
        "arbetat",
        "arbete",
        "jobb",
        "jobbet",
        "inom",
        "eller",
        "något",
        "någon",
        "några",
        "mycket",
        "gärna",
        "skulle",
        "kunna",
        "gillar",
        "tycker",
        "bara",
        "lite",
        "mina",
        "mitt",
        "också",
        "hade",
        "från",
        "till",
        "efter",
        "under",
        "över",
        "andra",
        "alla",
        "själv",
        "eget",
        "egen",
        "egna",
        "sedan",
        "sverige",
        "målet",
        "drömmer",
        "drömmen",
        "drömmar",
        "tillsammans",
        "kanske",
        "igen",
        "varje",
        "där",
        "have",
        "want",
        "work",
        "with",
        "like",
        "would",
        "some",
        "their",
        "this",
        "that",
        "komma",
        "ett",
        "vara",
        "bli",
        "blir",
        "ska",
        "kan",
    ]
)
ENDINGS = ("arna", "erna", "orna", "ande", "ar", "er", "or", "en", "et", "a", "e")
MIN_TERM = 4
WORD = re.compile(r"[^\W\d_]+")


def skill_part(skill_num: int, skill_den: int) -> float:
    """Points for skills: the weighted share of the opening's skills the participant has."""
    return SKILL_POINTS * skill_num / skill_den if skill_den else 0.0


def combine(skills, same_occupation, same_group, substitution, shared_terms, bent, wished):
    """The score out of 100; works on numbers and on numpy arrays alike (same operations).

    ``wished``: the opening's SSYK group is one the participant's interests or dreams were
    linked to, which counts as much as a full set of shared interest words.
    """
    interest = shared_terms + INTEREST_TERMS_FOR_FULL * wished
    return (
        skills
        + SAME_OCCUPATION_POINTS * same_occupation
        + SAME_GROUP_POINTS * same_group
        + ADJACENT_POINTS * _capped(substitution, 100) / 100
        + INTEREST_POINTS * _capped(interest, INTEREST_TERMS_FOR_FULL) / INTEREST_TERMS_FOR_FULL
        - BENT_COST * bent
    )


def is_match(score, skill_num, same_occupation, same_group, substitution, shared_terms, wished):
    """A floor of evidence: a pair is a match only when the participant has at least one of the
    opening's skills, has worked in its occupation, its group or one that can do its work, or
    said they want something like it, and the score is above 0. Without it a pair whose every
    part is 0 would fill the list ahead of nothing at all. Numbers and numpy arrays alike."""
    evidence = (
        (skill_num > 0)
        | (same_occupation > 0)
        | (same_group > 0)
        | (substitution > 0)
        | (shared_terms > 0)
        | (wished > 0)
    )
    return evidence & (score > 0)


def _capped(value, cap):
    return min(value, cap) if isinstance(value, int | float) else value.clip(max=cap)


def holds_licence(held: list[str] | set[str], needed: str) -> bool:
    return not needed or needed in held or bool(LICENCE_INCLUDED_IN.get(needed, set()) & set(held))


def needs_step_free(adaptations: str, support_needs: str) -> bool:
    text = f"{adaptations} {support_needs}".lower()
    return any(word in text for word in STEP_FREE_NEED)


def offers_step_free(accessibility: str) -> bool:
    text = accessibility.lower()
    return any(word in text for word in STEP_FREE_OFFER)


def travel_limit_km(max_km: int | None, max_minutes: int | None) -> float | None:
    if max_km is not None:
        return float(max_km)
    if max_minutes is not None:
        return max_minutes * KM_PER_MINUTE
    return None


@cache
def distance_km(a: str, b: str) -> float | None:
    """Great-circle distance between two municipalities' seats, to 0.1 km; None if unknown."""
    if a not in SEATS or b not in SEATS:
        return None
    if a == b:
        return 0.0
    (lat1, lon1), (lat2, lon2) = SEATS[a], SEATS[b]
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return round(2 * 6371.0 * math.asin(math.sqrt(h)), 1)


def interest_terms(*texts: str) -> set[str]:
    """What a participant says they like or want, as word stems of at least four letters."""
    terms = set()
    for word in WORD.findall(" ".join(texts).lower()):
        if word in STOPWORDS or len(word) < MIN_TERM:
            continue
        for ending in ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_TERM:
                word = word[: -len(ending)]
                break
        terms.add(word)
    return terms


def opening_terms(*texts: str) -> set[str]:
    """Every beginning (four letters or more) of every word: "barn" finds "barnskötare"."""
    terms = set()
    for word in WORD.findall(" ".join(texts).lower()):
        terms.update(word[:end] for end in range(MIN_TERM, len(word) + 1))
    return terms
