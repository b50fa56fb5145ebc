import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from baslager.taxonomy.linker_eval import evaluate, read_pairs, read_qrels

DATA_DIR = Path(settings.BASLAGER_DATA_DIR)
BENCH = Path(settings.BASE_DIR) / "bench"


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path):
    corpus = write(
        tmp_path / "corpus.tsv",
        ["c1\tStädare", "c2\tTruckförare", "c3\tBarnskötare", "c4\tByggstädare"],
    )
    queries = write(
        tmp_path / "queries.tsv",
        [
            "q1\tstädare",  # c1 first
            "q2\ttruckforare",  # c2 first
            "q3\tqqqxxz",  # nothing matches: 0
            "q4\tbarnskotare",  # c3 first
            "q5\tstädare",  # c4 second, behind Städare
            "q6\tkock",  # no judgement: not scored
        ],
    )
    qrels = write(
        tmp_path / "qrels.tsv",
        ["q1\t0\tc1\t1", "q2\t0\tc2\t1", "q3\t0\tc3\t1", "q4\t0\tc3\t1", "q5\t0\tc4\t1"],
    )
    return corpus, queries, qrels


def test_the_command_prints_the_metrics_with_mrr_last(tiny, capsys):
    corpus, queries, qrels = tiny

    call_command("linker_eval", corpus=corpus, queries=queries, qrels=qrels)
    lines = capsys.readouterr().out.strip().splitlines()

    assert lines[0] == "corpus=4 queries=6 scored=5"
    assert lines[1].startswith("index_build_ms=")
    assert lines[2:] == ["success@1=0.600", "success@5=0.800", "success@10=0.800", "MRR=0.700"]


def test_the_command_rejects_malformed_files(tiny, tmp_path):
    corpus, queries, _ = tiny
    bad = write(tmp_path / "bad.tsv", ["q1 c1"])

    with pytest.raises(CommandError, match="bad.tsv:1"):
        call_command("linker_eval", corpus=corpus, queries=queries, qrels=bad)
    with pytest.raises(CommandError, match="No query"):
        call_command(
            "linker_eval", corpus=corpus, queries=queries, qrels=write(bad, ["zz\t0\tc1\t1"])
        )


requires_data = pytest.mark.skipif(
    not (DATA_DIR / "jobtech" / "the-ssyk-hierarchy-with-occupations.json").exists(),
    reason=f"Reference data not found in BASLAGER_DATA_DIR ({DATA_DIR})",
)


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    sys.path.insert(0, str(BENCH))
    try:
        import linker_sets
    finally:
        sys.path.remove(str(BENCH))
    out = tmp_path_factory.mktemp("linker")
    linker_sets.build_ssyk(DATA_DIR, out)
    linker_sets.build_phrases(DATA_DIR, out)
    return out


def load(out: Path, name: str):
    return (
        read_pairs(out / f"{name}_corpus.tsv"),
        read_pairs(out / f"{name}_queries.tsv"),
        read_qrels(out / f"{name}_qrels.tsv"),
    )


@requires_data
def test_occupation_names_link_to_their_ssyk_group_at_the_target(sets):
    started = time.perf_counter()
    result = evaluate(*load(sets, "ssyk"))

    assert result.scored == 2412
    assert result.mrr >= 0.40
    assert result.query_ms < 20
    assert time.perf_counter() - started < 20


@requires_data
def test_free_text_phrases_find_their_occupation(sets):
    result = evaluate(*load(sets, "phrases"))

    assert result.scored == 60
    assert result.mrr >= 0.6
    assert result.success[10] >= 0.85
