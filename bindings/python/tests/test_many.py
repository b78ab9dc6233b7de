"""analyze_many: same results as analyze, input order, parallel, GIL released."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from typing import Callable, List, Tuple, TypeVar

import pytest

import postlint
from conftest import UNICODE_DRAFTS

T = TypeVar("T")


@pytest.fixture(scope="module")
def texts(corpus) -> List[str]:
    return corpus + UNICODE_DRAFTS + ["", " ", "\ud800 Buy now \udfff"]


def test_equals_analyze_one_by_one(texts):
    assert postlint.analyze_many(texts) == [postlint.analyze(t) for t in texts]


def test_every_thread_count_gives_the_same(texts):
    expected = [postlint.analyze(t) for t in texts]
    for threads in (None, 1, 2, 3, 8):
        assert postlint.analyze_many(texts, threads=threads) == expected, threads


def test_keeps_input_order(texts):
    forward = postlint.analyze_many(texts)
    backward = postlint.analyze_many(list(reversed(texts)))
    assert backward == list(reversed(forward))
    assert [r.text for r in forward] == texts


def test_accepts_any_iterable_of_str(texts):
    expected = postlint.analyze_many(texts)
    assert postlint.analyze_many(tuple(texts)) == expected
    assert postlint.analyze_many(t for t in texts) == expected
    assert postlint.analyze_many(iter(texts)) == expected
    assert postlint.analyze_many([]) == []
    assert postlint.analyze_many(iter(())) == []


def test_accepts_pandas_series(texts):
    pd = pytest.importorskip("pandas")
    # object dtype: a pyarrow-backed str column (pandas 3 with pyarrow, which
    # Dask brings) cannot hold the lone surrogates among the texts.
    series = pd.Series(texts, index=[f"k{i}" for i in range(len(texts))], dtype=object)
    assert postlint.analyze_many(series) == postlint.analyze_many(texts)


def test_linter_method_and_config(texts):
    config = {"brands": ["Maple Street"], "rules": {"shouting": "off"}}
    linter = postlint.Linter(config)
    expected = [postlint.analyze(t, config=config) for t in texts]
    assert linter.analyze_many(texts) == expected
    assert linter.analyze_many(texts, threads=2) == expected
    assert postlint.analyze_many(texts, config=config) == expected
    assert [linter.analyze(t) for t in texts] == expected
    assert not any(d.rule == "shouting" for r in expected for d in r.diagnostics)


def test_hundred_thousand_texts(texts):
    unique = texts
    n = 100_000
    big = [unique[i % len(unique)] for i in range(n)]
    started = time.perf_counter()
    reports = postlint.analyze_many(big)
    elapsed = time.perf_counter() - started
    assert len(reports) == n
    one_each = [postlint.analyze(t) for t in unique]
    for i, r in enumerate(reports):
        assert r == one_each[i % len(unique)]
    assert elapsed < 60, f"100k drafts took {elapsed:.1f}s"


@pytest.mark.parametrize("threads", [2, 3, None])
def test_work_is_spread_over_threads(texts, threads):
    """Other threads than the caller's do a real share of the work.

    CPU time of the whole process minus the calling thread's own is the CPU
    time of the worker threads; it counts even on one core (time slicing).
    """
    if threads is None and (os.cpu_count() or 1) < 2:
        pytest.skip("threads=None means one thread on a one-core machine")
    big = [texts[i % len(texts)] for i in range(150_000)]
    process, caller = time.process_time(), time.thread_time()
    postlint.analyze_many(big, threads=threads)
    process, caller = time.process_time() - process, time.thread_time() - caller
    workers = process - caller
    assert workers >= 0.25 * process, f"workers {workers:.3f}s of {process:.3f}s CPU"


def test_threads_one_stays_on_the_calling_thread(texts):
    big = [texts[i % len(texts)] for i in range(50_000)]
    process, caller = time.process_time(), time.thread_time()
    postlint.analyze_many(big, threads=1)
    process, caller = time.process_time() - process, time.thread_time() - caller
    assert process - caller < 0.2 * process + 0.05


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="needs fork()"
)
def test_works_in_a_forked_child(texts):
    """No thread pool survives between calls, so a forked child (Python's
    multiprocessing default on Linux) can use analyze_many after its parent."""
    expected = [r.to_dict() for r in postlint.analyze_many(texts, threads=2)]
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        got = pool.apply_async(_child_analyze, (texts,)).get(timeout=60)
    assert got == expected


def _child_analyze(texts: List[str]) -> List[dict]:
    return [r.to_dict() for r in postlint.analyze_many(texts, threads=2)]


def ticks_in_middle(call: Callable[[], T]) -> Tuple[T, float, int]:
    """Runs `call` while another Python thread ticks every millisecond.

    Returns the call's result, its duration and the ticks in its middle half:
    the conversions at its start and end hold the GIL; the analysis in the
    middle must not.
    """
    stamps: List[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    try:
        start = time.perf_counter()
        result = call()
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
    span = end - start
    lo, hi = start + 0.25 * span, end - 0.25 * span
    return result, span, sum(1 for s in stamps if lo <= s <= hi)


def test_gil_is_released_while_analysing(texts):
    """Another Python thread keeps running while analyze_many works."""
    big = [texts[i % len(texts)] for i in range(150_000)]
    _, span, inside = ticks_in_middle(lambda: postlint.analyze_many(big, threads=1))
    assert span > 0.05, f"input too small to measure ({span:.3f}s)"
    assert inside >= 10, f"{inside} ticks in the middle of a {span:.2f}s call"


def test_gil_released_for_a_long_single_text():
    text = ("Walked the dog by the river this morning. " * 120_000) + "Buy now"
    report, span, inside = ticks_in_middle(lambda: postlint.analyze(text))
    hard_sell = [d for d in report.diagnostics if d.rule == "hard-sell"]
    assert hard_sell and report.text[hard_sell[-1].start :] == "Buy now"
    if span > 0.1:
        assert inside, f"no ticks in the middle of a {span:.2f}s call"
