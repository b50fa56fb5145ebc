"""Measure the linker on a labelled set: the files ``linker_eval`` reads and the metrics it prints.

Files are tab-separated, UTF-8: a corpus of ``id<TAB>label``, queries of ``id<TAB>text`` and
relevance judgements (TREC qrels) of ``query_id<TAB>0<TAB>corpus_id<TAB>relevance``; a relevance
above 0 marks a right answer. Queries without a right answer in the corpus are not scored.
"""

import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .linker import Linker

CUTOFFS = (1, 5, 10)


class BadFile(ValueError):
    pass


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    with Path(path).open(encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            key, tab, text = line.partition("\t")
            if not tab:
                raise BadFile(f"{path}:{number}: expected id<TAB>text")
            pairs.append((key, text))
    return pairs


def read_qrels(path: Path) -> dict[str, set[str]]:
    relevant: dict[str, set[str]] = {}
    with Path(path).open(encoding="utf-8") as file:
        for number, line in enumerate(file, start=1):
            fields = line.split()
            if not fields:
                continue
            if len(fields) != 4:
                raise BadFile(f"{path}:{number}: expected query_id<TAB>0<TAB>corpus_id<TAB>1")
            try:
                grade = float(fields[3])
            except ValueError as exc:
                raise BadFile(f"{path}:{number}: relevance must be a number") from exc
            if grade > 0:
                relevant.setdefault(fields[0], set()).add(fields[2])
    return relevant


@dataclass
class Result:
    corpus: int
    queries: int
    scored: int
    build_seconds: float
    query_ms: float
    mrr: float
    success: dict[int, float]

    def lines(self) -> list[str]:
        return [
            f"corpus={self.corpus} queries={self.queries} scored={self.scored}",
            f"index_build_ms={self.build_seconds * 1000:.0f} ms_per_query={self.query_ms:.2f}",
            *(f"success@{k}={self.success[k]:.3f}" for k in CUTOFFS),
            f"MRR={self.mrr:.3f}",
        ]


def evaluate(
    corpus: list[tuple[str, str]],
    queries: list[tuple[str, str]],
    relevant: dict[str, set[str]],
) -> Result:
    """Rank the whole corpus for each judged query; the reciprocal rank is that of the first
    right answer (0 when the query scores it 0, as nothing ranks it)."""
    started = time.perf_counter()
    linker = Linker([(key, [(label, 1.0)]) for key, label in corpus])
    build_seconds = time.perf_counter() - started
    position = {key: index for index, key in enumerate(linker.keys)}
    judged = [
        (text, [position[key] for key in relevant[query_id] if key in position])
        for query_id, text in queries
        if query_id in relevant
    ]
    judged = [(text, answers) for text, answers in judged if answers]
    ranks = []
    started = time.perf_counter()
    for text, answers in judged:
        scores = linker.scores(text)
        best = max(scores[answers])
        if best <= 0:
            ranks.append(0)
            continue
        # Ties go against the right answer: it counts behind every document scoring the same.
        ranks.append(int(np.count_nonzero(scores >= best)))
    seconds = time.perf_counter() - started
    count = max(len(judged), 1)
    reciprocal = [1 / rank if rank else 0.0 for rank in ranks]
    return Result(
        corpus=len(corpus),
        queries=len(queries),
        scored=len(judged),
        build_seconds=build_seconds,
        query_ms=1000 * seconds / count,
        mrr=sum(reciprocal) / count,
        success={k: sum(1 for rank in ranks if 0 < rank <= k) / count for k in CUTOFFS},
    )
