"""Throughput of the postlint Python package against vaderSentiment.

One run over the tweets in <repo>/../shared/data/vader_tweets.jsonl (or the
JSONL given as the first argument): each method is timed `--repeat` times
on all texts and its best time is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Callable, List, Tuple

import postlint

REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "vader_tweets.jsonl"


def load(path: Path) -> List[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def best_of(fn: Callable[[], object], repeat: int) -> Tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    texts = load(args.data)
    n = len(texts)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{n} texts from {args.data.name}; postlint {postlint.__version__}; "
          f"Python {platform.python_version()}; {cores} cores; best of {args.repeat}")

    linter = postlint.Linter()
    rows = []

    def measure(name: str, fn: Callable[[], object], repeat: int = args.repeat) -> float:
        fn()  # warm-up (lexicons, thread pool, imports)
        best, median = best_of(fn, repeat)
        rows.append((name, best, median))
        return best

    t1 = measure("postlint analyze_many(threads=1)", lambda: linter.analyze_many(texts, threads=1))
    measure(f"postlint analyze_many(threads=None, {cores} cores)", lambda: linter.analyze_many(texts))
    measure("postlint [analyze(t) for t in texts]", lambda: [postlint.analyze(t) for t in texts])
    try:
        import pandas  # noqa: F401

        measure("postlint to_pandas(texts)", lambda: postlint.to_pandas(texts))
    except ImportError:
        print("(pandas not installed: to_pandas skipped)")

    vader_best = None
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        vader_best = measure(
            "vaderSentiment polarity_scores loop",
            lambda: [sia.polarity_scores(t) for t in texts],
            repeat=max(1, min(3, args.repeat)),
        )
    except ImportError:
        print("(vaderSentiment not installed: comparison skipped)")

    name_w = max(len(r[0]) for r in rows)
    print()
    print(f"| {'method':<{name_w}} | {'best s':>8} | {'median s':>8} | {'posts/s':>10} |")
    print(f"|{'-' * (name_w + 2)}|{'-' * 10}|{'-' * 10}|{'-' * 12}|")
    for name, best, median in rows:
        print(f"| {name:<{name_w}} | {best:>8.4f} | {median:>8.4f} | {n / best:>10,.0f} |")
    if vader_best is not None:
        ratio = vader_best / t1
        verdict = "meets" if ratio >= 30 else "BELOW"
        print()
        print(f"analyze_many(threads=1) vs vader: {ratio:.1f}x faster ({verdict} the 30x target)")


if __name__ == "__main__":
    main()
