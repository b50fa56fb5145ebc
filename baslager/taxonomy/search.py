"""Find taxonomy concepts by what people type: typos, missing å/ä/ö and inflected forms.

Labels and queries are folded (casefold, diacritics removed, punctuation dropped), each word
loses a common Swedish inflection suffix, and the words are cut into padded character trigrams.
A hit's score blends how much of the query (IDF-weighted) the label contains with the cosine
between the two, plus a boost when query words begin label words. Occupations are also
found through their SSYK group ("städare" finds "Byggstädare" in group 9111 Städare) and
through everyday names (``aliases.py``: "lokalvårdare" finds "Städare"). Digits match codes, also
typed with dots as SNI prints them ("56.1" finds 561 and below).

The index lives in memory, one per kind and process, and is rebuilt when the taxonomy changes:
its key is the latest TaxonomyVersion with the row count and highest id of the kind, and saves
through the ORM clear it at once. Nothing here knows about HTTP, so the same ``search`` can
later link free text to concepts.
"""

import heapq
import math
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count, Max

from .aliases import OCCUPATION_ALIASES
from .kinds import kind_model
from .models import (
    EducationLevel,
    Industry,
    Language,
    Occupation,
    Skill,
    TaxonomyVersion,
    sni_display_code,
)

# Common Swedish inflection and derivation endings, longest first, in folded form (å/ä → a,
# ö → o). Stripping them maps "undersköterskor"/"undersköterska" and "truckförar"/"truckförare"
# to the same stem; trigram overlap absorbs what light stemming misses.
SUFFIXES = tuple(
    sorted(
        [
            "heterna",
            "arnas",
            "ernas",
            "ornas",
            "andes",
            "arens",
            "hetens",
            "heten",
            "heter",
            "arna",
            "erna",
            "orna",
            "ande",
            "ende",
            "aren",
            "ares",
            "ades",
            "are",
            "ade",
            "ast",
            "ens",
            "ern",
            "het",
            "ar",
            "er",
            "or",
            "en",
            "as",
            "es",
            "at",
            "ad",
            "a",
            "e",
        ],
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3
GROUP_WEIGHT = 0.7
ALIAS_WEIGHT = 0.9
MIN_SCORE = 0.2


class Hit(NamedTuple):
    id: int
    label: str
    score: float


def fold(text: str) -> str:
    """Casefolded, without diacritics or punctuation, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = [
        char if char.isalnum() else " " for char in decomposed if not unicodedata.combining(char)
    ]
    return " ".join("".join(kept).split())


def stem(word: str) -> str:
    if word.isdigit():
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    return [stem(word) for word in fold(text).split()]


def trigrams(words: Iterable[str]) -> set[str]:
    grams: set[str] = set()
    for word in words:
        padded = f" {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


class _TrigramIndex:
    """IDF-weighted trigram sets of a list of texts, with an inverted index."""

    def __init__(self, texts: list[str]):
        self.words = [fold(text).split() for text in texts]
        self.folded = [" ".join(words) for words in self.words]
        grams_per_text = [trigrams(stem(word) for word in words) for words in self.words]
        frequency: dict[str, int] = defaultdict(int)
        for grams in grams_per_text:
            for gram in grams:
                frequency[gram] += 1
        count = max(len(texts), 1)
        self.unknown_weight = math.log(1 + count) ** 2
        self.weights = {gram: math.log(1 + count / n) ** 2 for gram, n in frequency.items()}
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.norms: list[float] = []
        for position, grams in enumerate(grams_per_text):
            for gram in grams:
                self.postings[gram].append(position)
            self.norms.append(math.sqrt(sum(self.weights[gram] for gram in grams)) or 1.0)

    def scores(self, query: str, candidates: int) -> dict[int, float]:
        """Score of each of the best ``candidates`` texts for ``query``, by position."""
        query_words = fold(query).split()
        grams = trigrams(stem(word) for word in query_words)
        if not grams:
            return {}
        total = 0.0
        shared: dict[int, float] = defaultdict(float)
        for gram in grams:
            weight = self.weights.get(gram)
            if weight is None:
                total += self.unknown_weight
                continue
            total += weight
            for position in self.postings[gram]:
                shared[position] += weight
        norm = math.sqrt(total)

        def base(position: int) -> float:
            overlap = shared[position]
            return 0.5 * overlap / total + 0.5 * overlap / (norm * self.norms[position])

        best = heapq.nlargest(candidates, shared, key=base)
        folded_query = " ".join(query_words)
        return {
            position: base(position) + self._boost(position, query_words, folded_query)
            for position in best
        }

    def _boost(self, position: int, query_words: list[str], folded_query: str) -> float:
        label_words = self.words[position]
        prefixed = sum(
            1
            for query_word in query_words
            if any(word.startswith(query_word) for word in label_words)
        )
        boost = 0.15 * prefixed / len(query_words)
        if self.folded[position] == folded_query:
            boost += 0.2
        elif self.folded[position].startswith(folded_query):
            boost += 0.1
        return boost


@dataclass
class _Entry:
    id: int
    label: str
    description: str
    code: str = ""


class KindIndex:
    """Everything ``search`` needs for one kind: entries, their labels' index, and an index of
    other texts that find an entry at a discount (SSYK group labels, everyday names)."""

    def __init__(self, entries: list[_Entry], extra: list[list[tuple[str, float]]] | None = None):
        self.entries = entries
        self.by_id = {entry.id: entry for entry in entries}
        self.labels = _TrigramIndex([entry.label for entry in entries])
        self.extra: _TrigramIndex | None = None
        self.extra_members: list[list[tuple[int, float]]] = []
        texts: dict[str, int] = {}
        for position, pairs in enumerate(extra or []):
            for text, weight in pairs:
                if not text:
                    continue
                if text not in texts:
                    texts[text] = len(self.extra_members)
                    self.extra_members.append([])
                self.extra_members[texts[text]].append((position, weight))
        if texts:
            self.extra = _TrigramIndex(list(texts))

    def search(self, text: str, limit: int, min_score: float) -> list[Hit]:
        folded = fold(text)
        # Codes may be typed as printed, with dots or spaces: "56.1" is the prefix 561.
        compact = folded.replace(" ", "")
        if compact.isdigit():
            return self._by_code(compact, limit)
        candidates = max(limit * 5, 50)
        scores = self.labels.scores(text, candidates)
        if self.extra is not None:
            for text_position, score in self.extra.scores(text, candidates).items():
                for position, weight in self.extra_members[text_position]:
                    if weight * score > scores.get(position, 0.0):
                        scores[position] = weight * score
        ranked = heapq.nlargest(
            limit,
            (item for item in scores.items() if item[1] >= min_score),
            key=lambda item: (item[1], -len(self.entries[item[0]].label)),
        )
        return [
            Hit(self.entries[position].id, self.entries[position].label, round(score, 4))
            for position, score in ranked
        ]

    def _by_code(self, prefix: str, limit: int) -> list[Hit]:
        """Codes typed as digits (SSYK, SUN, SNI) match by prefix, shortest code first."""
        matches = sorted(
            (entry for entry in self.entries if entry.code.startswith(prefix)),
            key=lambda entry: (len(entry.code), entry.code, entry.label),
        )
        return [Hit(entry.id, entry.label, 1.0) for entry in matches[:limit]]


def _build(kind: str) -> KindIndex:
    if kind == "occupation":
        rows = Occupation.objects.values_list("pk", "label", "group__code", "group__label")
        entries, extra = [], []
        for pk, label, code, group_label in rows:
            entries.append(_Entry(pk, label, f"{code} {group_label}" if code else "", code or ""))
            aliases = OCCUPATION_ALIASES.get(label, ())
            extra.append(
                [(group_label or "", GROUP_WEIGHT), *((alias, ALIAS_WEIGHT) for alias in aliases)]
            )
        return KindIndex(entries, extra)
    if kind == "skill":
        rows = Skill.objects.values_list("pk", "label")
        return KindIndex([_Entry(pk, label, "") for pk, label in rows])
    if kind == "language":
        rows = Language.objects.values_list("pk", "label", "iso_code")
        return KindIndex([_Entry(pk, label, iso) for pk, label, iso in rows])
    if kind == "industry":
        rows = Industry.objects.values_list("pk", "label", "code")
        return KindIndex(
            [_Entry(pk, label, sni_display_code(code), code) for pk, label, code in rows]
        )
    rows = EducationLevel.objects.values_list("pk", "label", "code")
    return KindIndex([_Entry(pk, label, code, code) for pk, label, code in rows])


_indexes: dict[str, tuple[tuple, KindIndex]] = {}
_lock = threading.Lock()


def _key(kind: str) -> tuple:
    latest = TaxonomyVersion.objects.order_by("-pk").values_list("pk", flat=True).first()
    rows = kind_model(kind).objects.aggregate(count=Count("pk"), last=Max("pk"))
    return (latest, rows["count"], rows["last"])


def index_for(kind: str) -> KindIndex:
    key = _key(kind)
    cached = _indexes.get(kind)
    if cached is not None and cached[0] == key:
        return cached[1]
    with _lock:
        cached = _indexes.get(kind)
        if cached is None or cached[0] != key:
            cached = (key, _build(kind))
            _indexes[kind] = cached
    return cached[1]


def index_clear(kind: str | None = None) -> None:
    """Forget the index of ``kind`` (all kinds by default); the next search rebuilds it."""
    if kind is None:
        _indexes.clear()
    else:
        _indexes.pop(kind, None)


def search(kind: str, text: str, limit: int = 10, min_score: float = MIN_SCORE) -> list[Hit]:
    """The concepts of ``kind`` whose labels best match ``text``, best first."""
    if len(fold(text)) < 2:
        return []
    return index_for(kind).search(text, limit, min_score)


def search_described(
    kind: str, text: str, limit: int = 10, min_score: float = MIN_SCORE
) -> list[tuple[Hit, str]]:
    """Hits with what to show beside each label: SSYK code and group, ISO, SUN or SNI code."""
    if len(fold(text)) < 2:
        return []
    index = index_for(kind)
    return [(hit, index.by_id[hit.id].description) for hit in index.search(text, limit, min_score)]
