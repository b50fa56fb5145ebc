"""Link free text to concepts: "jobbade som städare på hotell" → Hotellstädare, Städare …

Where ``search`` completes what someone is typing into a picker, the linker reads a phrase: a
former job in any words, a dream, a skill. Both sides go through the same steps: fold (casefold,
å/ä/ö → a/a/o, punctuation dropped), drop the filler words people wrap a title in ("jag har
jobbat som", "på", "med"), strip a Swedish inflection from each word (``search.stem``) and split
compounds into parts the corpus knows ("hotellstädare" → "hotell" + "städare"). Two TF-IDF
spaces with sublinear term frequency are built over the result: character 3–5-grams of each
word (typos, inflections and compounds the splitter misses) and whole word stems with their
parts (the words themselves); a text's score is a weighted sum of its two cosines.

A ``Linker`` works on any list of documents, each with one or more weighted texts (an
occupation: its label, everyday names, its SSYK group's label and definition); a document scores
its best text. ``link`` keeps one linker per taxonomy kind in memory, rebuilt when the taxonomy
changes (the same key as ``search``'s index).
"""

import math
import threading
from collections import Counter
from collections.abc import Hashable, Sequence

import numpy as np
from scipy import sparse

from .aliases import OCCUPATION_ALIASES
from .models import Occupation, Skill
from .search import _key, fold, stem

# Folded filler words: how people wrap a title or a wish, never what it is about. Kept when a
# text has nothing else.
_FILLER = """
    jag du vi hon han de man mig min mitt mina har hade ha var ar varit vill ville skulle kunna
    kan vilja onskar drommer drom gillar tycker om att och eller men som med pa i av for till
    fran hos inom ut en ett den det dessa nagot nagon jobba jobbar jobbade jobbat jobb jobbet
    arbeta arbetar arbetade arbetat arbete arbetet yrke yrket tidigare innan forut nu senast
    aren ar manader sa mycket lite bli blir borja gora gor gjorde garna ocksa aven bade sedan
    i worked work working as a an the at in with on of to for and want like would be job
"""
STOP_WORDS = frozenset(_FILLER.split())
CHAR_WEIGHT = 0.6
WORD_WEIGHT = 0.4
NGRAMS = (3, 4, 5)
MIN_PART = 4


def words(text: str) -> list[str]:
    """Folded words without filler, or all of them when nothing else is left."""
    folded = fold(text).split()
    return [word for word in folded if word not in STOP_WORDS] or folded


def _ngrams(word: str) -> list[str]:
    padded = f" {word} "
    return [
        padded[start : start + size] for size in NGRAMS for start in range(len(padded) - size + 1)
    ]


class _Space:
    """A TF-IDF space with sublinear tf: L2-normalised rows, and queries mapped into it."""

    def __init__(self, documents: list[list[str]]):
        self.vocabulary: dict[str, int] = {}
        counts = [Counter(features) for features in documents]
        for document in counts:
            for feature in document:
                self.vocabulary.setdefault(feature, len(self.vocabulary))
        frequency = np.zeros(len(self.vocabulary))
        for document in counts:
            for feature in document:
                frequency[self.vocabulary[feature]] += 1
        self.idf = np.log((1 + len(documents)) / (1 + frequency)) + 1
        matrix = self._rows(counts)
        # Features × rows, so a query's few features pick the rows they touch.
        self.transposed = matrix.T.tocsr()

    def _rows(self, counts: list[Counter]) -> sparse.csr_matrix:
        indptr, indices, data = [0], [], []
        for document in counts:
            known = [(self.vocabulary[f], n) for f, n in document.items() if f in self.vocabulary]
            weights = np.array([(1 + math.log(n)) * self.idf[i] for i, n in known])
            norm = np.linalg.norm(weights) if len(weights) else 1.0
            indices.extend(i for i, _ in known)
            data.extend(weights / (norm or 1.0))
            indptr.append(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=(len(counts), len(self.vocabulary)))

    def cosines(self, features: list[str]) -> np.ndarray:
        query = self._rows([Counter(features)])
        return np.asarray((query @ self.transposed).todense()).ravel()

    def cosines_many(self, features: list[list[str]]) -> np.ndarray:
        """``cosines`` of many queries at once, one row each."""
        query = self._rows([Counter(each) for each in features])
        return (query @ self.transposed).toarray()


class Linker:
    """Ranks documents by how well their texts match a phrase.

    ``documents`` pairs each key with its texts and their weights (1.0 for the label itself,
    less for texts that only describe it).
    """

    def __init__(self, documents: Sequence[tuple[Hashable, Sequence[tuple[str, float]]]]):
        self.keys = [key for key, _ in documents]
        # Texts are indexed once however many documents share them (an SSYK definition is
        # shared by every occupation of its group); entries tie a text to a document.
        rows: dict[str, int] = {}
        owners, weights, entry_rows = [], [], []
        for position, (_, pairs) in enumerate(documents):
            for text, weight in pairs:
                if text and words(text):
                    owners.append(position)
                    weights.append(weight)
                    entry_rows.append(rows.setdefault(text, len(rows)))
        self.owners = np.array(owners, dtype=np.int64)
        self.weights = np.array(weights)
        self.rows = np.array(entry_rows, dtype=np.int64)
        stems = [[stem(word) for word in words(text)] for text in rows]
        self.known = {word for text in stems for word in text}
        self.chars = _Space([self._char_features(text) for text in stems])
        self.words = _Space([self._word_features(text) for text in stems])

    def _parts(self, word: str) -> list[str]:
        """A compound's head and tail when its tail is a word of the corpus ("hotellstad" →
        hotell, stad): the longest such tail wins, and the head loses a linking s when the
        corpus knows it without ("fastighets" → fastighet)."""
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if tail in self.known:
                if head.endswith("s") and head[:-1] in self.known:
                    head = head[:-1]
                return [head, tail]
        return []

    def _word_features(self, stems: list[str]) -> list[str]:
        features = []
        for word in stems:
            features.append(word)
            features.extend(part for part in self._parts(word) if part != word)
        return features

    @staticmethod
    def _char_features(stems: list[str]) -> list[str]:
        return [gram for word in stems for gram in _ngrams(word)]

    def scores(self, text: str) -> np.ndarray:
        """The score of every document for ``text``, in document order."""
        stems = [stem(word) for word in words(text)]
        per_text = CHAR_WEIGHT * self.chars.cosines(self._char_features(stems))
        per_text += WORD_WEIGHT * self.words.cosines(self._word_features(stems))
        best = np.zeros(len(self.keys))
        np.maximum.at(best, self.owners, per_text[self.rows] * self.weights)
        return best

    def scores_many(self, texts: Sequence[str]) -> np.ndarray:
        """``scores`` of many texts at once, one row each: two sparse products for all of them
        instead of two per text."""
        best = np.zeros((len(texts), len(self.keys)))
        if not len(self.owners) or not texts:
            return best
        stems = [[stem(word) for word in words(text)] for text in texts]
        per_text = CHAR_WEIGHT * self.chars.cosines_many([self._char_features(s) for s in stems])
        per_text += WORD_WEIGHT * self.words.cosines_many([self._word_features(s) for s in stems])
        entries = per_text[:, self.rows] * self.weights
        # Entries are in document order, so each document's entries are one run.
        starts = np.flatnonzero(np.r_[True, self.owners[1:] != self.owners[:-1]])
        best[:, self.owners[starts]] = np.maximum.reduceat(entries, starts, axis=1)
        return np.maximum(best, 0.0)

    def rank(self, text: str, limit: int = 10, min_score: float = 0.0) -> list[tuple]:
        """The ``limit`` best (key, score) pairs, best first; ties keep document order."""
        if not fold(text):
            return []
        return self._top(self.scores(text), limit, min_score)

    def rank_many(
        self, texts: Sequence[str], limit: int = 10, min_score: float = 0.0, chunk: int = 256
    ) -> list[list[tuple]]:
        """``rank`` of each text, ``chunk`` texts a product: the same pairs, much faster for
        thousands of texts."""
        ranked = []
        for start in range(0, len(texts), chunk):
            part = texts[start : start + chunk]
            scores = self.scores_many(part)
            ranked.extend(
                self._top(row, limit, min_score) if fold(text) else []
                for text, row in zip(part, scores, strict=True)
            )
        return ranked

    def _top(self, scores: np.ndarray, limit: int, min_score: float) -> list[tuple]:
        count = min(limit, len(scores))
        if count <= 0:
            return []
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.lexsort((top, -scores[top]))]
        return [
            (self.keys[position], round(float(scores[position]), 4))
            for position in top
            if scores[position] > min_score
        ]


ALIAS_WEIGHT = 0.9
GROUP_WEIGHT = 0.6
DEFINITION_WEIGHT = 0.35
MIN_SCORE = 0.05


def occupation_documents(rows) -> list[tuple[Hashable, list[tuple[str, float]]]]:
    """Linker documents of occupations from (key, label, group label, group definition) rows:
    the label, its everyday names, and at a discount what its SSYK group says."""
    return [
        (
            key,
            [
                (label, 1.0),
                *((alias, ALIAS_WEIGHT) for alias in OCCUPATION_ALIASES.get(label, ())),
                (group_label or "", GROUP_WEIGHT),
                (definition or "", DEFINITION_WEIGHT),
            ],
        )
        for key, label, group_label, definition in rows
    ]


def _build(kind: str) -> Linker:
    if kind == "occupation":
        rows = Occupation.objects.values_list("pk", "label", "group__label", "group__definition")
        return Linker(occupation_documents(rows))
    if kind == "skill":
        return Linker(
            [(pk, [(label, 1.0)]) for pk, label in Skill.objects.values_list("pk", "label")]
        )
    raise ValueError(f"The linker knows occupations and skills, not {kind!r}")


_linkers: dict[str, tuple[tuple, Linker]] = {}
_lock = threading.Lock()


def linker_for(kind: str) -> Linker:
    key = _key(kind)
    cached = _linkers.get(kind)
    if cached is None or cached[0] != key:
        with _lock:
            cached = _linkers.get(kind)
            if cached is None or cached[0] != key:
                cached = (key, _build(kind))
                _linkers[kind] = cached
    return cached[1]


def linker_clear(kind: str | None = None) -> None:
    """Forget the linker of ``kind`` (all by default); the next ``link`` rebuilds it."""
    if kind is None:
        _linkers.clear()
    else:
        _linkers.pop(kind, None)


def link(text: str, kind: str = "occupation", limit: int = 10) -> list[tuple]:
    """The concepts of ``kind`` ("occupation" or "skill") that ``text`` is about, as
    (concept, score) pairs, best first. Occupations come with their group."""
    if len(fold(text)) < 2:
        return []
    ranked = linker_for(kind).rank(text, limit, MIN_SCORE)
    if not ranked:
        return []
    queryset = (Occupation if kind == "occupation" else Skill).objects.filter(
        pk__in=[pk for pk, _ in ranked]
    )
    if kind == "occupation":
        queryset = queryset.select_related("group")
    found = queryset.in_bulk()
    return [(found[pk], score) for pk, score in ranked if pk in found]
