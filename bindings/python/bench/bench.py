"""Throughput of the postlint Python package against vaderSentiment.

One run over the tweets in <repo>/../shared/data/vader_tweets.jsonl (or the
JSONL given as the first argument): every method runs on all texts once per
round, `--repeat` rounds, and its best and median times are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import time
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import postlint

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "vader_tweets.jsonl"


def load(path: Path) -> List[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


class _NativeTime:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds


_MILLION = """
import json, resource, sys, time
import polars as pl
import postlint, postlint.polars
texts = json.load(open(sys.argv[1]))
n = 1_000_000
frame = pl.DataFrame({"text": [texts[i % len(texts)] for i in range(n)]})
del texts
which = sys.argv[2]
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
as_list = frame["text"].to_list() if which != "polars" else None
before = rss()
t = time.perf_counter()
if which == "polars":
    out = frame.select(pl.col("text").postlint.scores())
    out_size = out.estimated_size()
else:
    out = postlint.analyze_many(as_list)
    out_size = 0
elapsed = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"seconds": elapsed, "input": frame["text"].estimated_size(),
                  "output": out_size, "extra": max(0, peak - before)}))
"""


def million(texts: List[str]) -> None:
    """1M short drafts: Polars scores() against analyze_many(threads=None),
    each in a fresh process so peak memory is its own."""
    import subprocess
    import sys
    import tempfile

    short = [t for t in texts if len(t) <= 140] or texts
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(short, f)
    print()
    print("1,000,000 short drafts (<= 140 chars), one run each, fresh process:")
    results = {}
    for which in ("polars", "analyze_many"):
        out = subprocess.run([sys.executable, "-c", _MILLION, f.name, which],
                             check=True, capture_output=True, text=True)
        results[which] = json.loads(out.stdout)
    os.unlink(f.name)
    p, a = results["polars"], results["analyze_many"]
    print(f"| Polars scores()              | {p['seconds']:.2f} s | {1e6 / p['seconds']:>10,.0f} posts/s |")
    print(f"| analyze_many(threads=None)   | {a['seconds']:.2f} s | {1e6 / a['seconds']:>10,.0f} posts/s |")
    beyond = p["extra"] - p["output"]
    print(f"Polars memory: input column {p['input'] / 1e6:.0f} MB, output {p['output'] / 1e6:.0f} MB, "
          f"peak growth beyond the output {beyond / 1e6:.0f} MB = {beyond / p['input']:.2f}x the input "
          f"({'meets' if beyond <= 2 * p['input'] else 'ABOVE'} the 2x target)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--million", action="store_true",
                    help="also time Polars scores() vs analyze_many on 1M drafts, and its memory")
    args = ap.parse_args()

    texts = load(args.data)
    n = len(texts)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{n} texts from {args.data.name}; postlint {postlint.__version__}; "
          f"Python {platform.python_version()}; {cores} cores; {args.repeat} interleaved rounds")

    linter = postlint.Linter()
    native = "postlint core alone (Rust, 1 thread, no conversions)"
    methods: List[Tuple[str, Callable[[], object]]] = [
        (native, lambda: _NativeTime(postlint._postlint._bench_native(texts))),
        ("postlint analyze_many(threads=1)", lambda: linter.analyze_many(texts, threads=1)),
        (f"postlint analyze_many(threads=None, {cores} cores)", lambda: linter.analyze_many(texts)),
        ("postlint [analyze(t) for t in texts]", lambda: [postlint.analyze(t) for t in texts]),
    ]
    try:
        import pandas  # noqa: F401

        methods.append(("postlint to_pandas(texts)", lambda: postlint.to_pandas(texts)))
    except ImportError:
        print("(pandas not installed: to_pandas skipped)")
    try:
        import polars as pl

        from postlint import polars as _  # noqa: F401  (registers .postlint)

        frame = pl.DataFrame({"text": texts})
        methods.append(
            (
                f"postlint Polars pl.col(...).postlint.scores() (polars {pl.__version__})",
                lambda: frame.select(pl.col("text").postlint.scores()),
            )
        )
    except ImportError as e:
        print(f"(Polars plugin not available: {e})")
    cluster = None
    try:
        import dask.dataframe as dd
        import pandas as pd
        from dask.distributed import Client, LocalCluster

        from postlint import dask as postlint_dask

        cluster = LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
        # The drafts live on the workers before timing starts.
        ddf = dd.from_pandas(pd.Series(texts, name="text"), npartitions=8).persist()
        methods.append(
            ("postlint.dask.analyze on 2 worker processes", lambda: postlint_dask.analyze(ddf).compute())
        )
    except ImportError:
        print("(dask[distributed] not installed: Dask skipped)")
    vader = "vaderSentiment polarity_scores loop"
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        methods.append((vader, lambda: [sia.polarity_scores(t) for t in texts]))
    except ImportError:
        print("(vaderSentiment not installed: comparison skipped)")

    # Rounds interleave the methods, so a change in machine load hits all of
    # them alike; each method's best and median over the rounds are shown.
    # The order is shuffled each round (fixed seed): a method that always ran
    # right after the Dask row would pay for the worker processes still
    # winding down on the same cores.
    times: Dict[str, List[float]] = {name: [] for name, _ in methods}
    for _, fn in methods:
        fn()  # warm-up (lexicons, imports, caches)
    order = random.Random(0)
    for _ in range(args.repeat):
        for name, fn in order.sample(methods, len(methods)):
            t = time.perf_counter()
            out = fn()
            elapsed = time.perf_counter() - t
            # The native row times itself inside Rust (no conversions).
            times[name].append(out.seconds if isinstance(out, _NativeTime) else elapsed)
    rows = [(name, min(ts), statistics.median(ts)) for name, ts in times.items()]
    best_time = {name: b for name, b, _ in rows}

    name_w = max(len(r[0]) for r in rows)
    print()
    print(f"| {'method':<{name_w}} | {'best s':>8} | {'median s':>8} | {'posts/s':>10} |")
    print(f"|{'-' * (name_w + 2)}|{'-' * 10}|{'-' * 10}|{'-' * 12}|")
    for name, best, median in rows:
        print(f"| {name:<{name_w}} | {best:>8.4f} | {median:>8.4f} | {n / best:>10,.0f} |")
    one_thread = "postlint analyze_many(threads=1)"
    if native in best_time:
        one = best_time[one_thread]
        overhead = (one - best_time[native]) / n * 1e6
        print()
        print(f"analyze_many(threads=1) overhead over the core: {overhead:.2f} us per draft "
              f"({'meets' if overhead <= 0.5 else 'ABOVE'} the 0.5 us target)")
    if cluster is not None:
        client.close()
        cluster.close()
    if args.million:
        million(texts)
    if vader in best_time:
        ratio = best_time[vader] / best_time[one_thread]
        verdict = "meets" if ratio >= 30 else "BELOW"
        print()
        print(f"analyze_many(threads=1) vs vader: {ratio:.1f}x faster ({verdict} the 30x target)")


if __name__ == "__main__":
    main()
