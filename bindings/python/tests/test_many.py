"""analyze_many: same results as analyze, input order, parallel, GIL released."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Dict, List

import pytest

import postlint
from conftest import UNICODE_DRAFTS


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
    series = pd.Series(texts, index=[f"k{i}" for i in range(len(texts))])
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


def _cpu_ticks_per_thread() -> Dict[str, int]:
    ticks = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[task.name] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
@pytest.mark.parametrize("threads", [2, None])
def test_work_is_spread_over_threads(texts, threads):
    if threads is None and (os.cpu_count() or 1) < 2:
        pytest.skip("threads=None means one thread on a one-core machine")
    big = [texts[i % len(texts)] for i in range(150_000)]
    before = _cpu_ticks_per_thread()
    postlint.analyze_many(big, threads=threads)
    after = _cpu_ticks_per_thread()
    me = str(threading.get_native_id())
    busy = [
        tid
        for tid, t in after.items()
        if tid != me and t - before.get(tid, 0) >= 3  # >= 30 ms of CPU each
    ]
    assert len(busy) >= 2, f"per-thread CPU ticks: before={before} after={after}"


def test_gil_is_released_while_analysing(texts):
    """Another Python thread keeps running while analyze_many works."""
    big = [texts[i % len(texts)] for i in range(150_000)]
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
        postlint.analyze_many(big, threads=1)
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
    # Only count ticks well inside the call: the conversions at its start and
    # end hold the GIL; the analysis in the middle must not.
    span = end - start
    lo, hi = start + 0.25 * span, end - 0.25 * span
    inside = [s for s in stamps if lo <= s <= hi]
    assert span > 0.05, f"input too small to measure ({span:.3f}s)"
    assert len(inside) >= 10, f"{len(inside)} ticks in the middle of a {span:.2f}s call"


def test_gil_released_for_a_long_single_text():
    text = ("Walked the dog by the river this morning. " * 120_000) + "Buy now"
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
        report = postlint.analyze(text)
        end = time.perf_counter()
    finally:
        stop.set()
        t.join()
    span = end - start
    inside = [s for s in stamps if start + 0.25 * span <= s <= end - 0.25 * span]
    hard_sell = [d for d in report.diagnostics if d.rule == "hard-sell"]
    assert hard_sell and report.text[hard_sell[-1].start :] == "Buy now"
    if span > 0.1:
        assert inside, f"no ticks in the middle of a {span:.2f}s call"
