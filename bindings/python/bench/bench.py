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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()

    texts = load(args.data)
    n = len(texts)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{n} texts from {args.data.name}; postlint {postlint.__version__}; "
          f"Python {platform.python_version()}; {cores} cores; {args.repeat} interleaved rounds")

    linter = postlint.Linter()
    methods: List[Tuple[str, Callable[[], object]]] = [
        ("postlint analyze_many(threads=1)", lambda: linter.analyze_many(texts, threads=1)),
        (f"postlint analyze_many(threads=None, {cores} cores)", lambda: linter.analyze_many(texts)),
        ("postlint [analyze(t) for t in texts]", lambda: [postlint.analyze(t) for t in texts]),
    ]
    try:
        import pandas  # noqa: F401

        methods.append(("postlint to_pandas(texts)", lambda: postlint.to_pandas(texts)))
    except ImportError:
        print("(pandas not installed: to_pandas skipped)")
    vader = "vaderSentiment polarity_scores loop"
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        sia = SentimentIntensityAnalyzer()
        methods.append((vader, lambda: [sia.polarity_scores(t) for t in texts]))
    except ImportError:
        print("(vaderSentiment not installed: comparison skipped)")

    # Rounds interleave the methods, so a change in machine load hits all of
    # them alike; each method's best and median over the rounds are shown.
    times: Dict[str, List[float]] = {name: [] for name, _ in methods}
    for _, fn in methods:
        fn()  # warm-up (lexicons, imports, caches)
    for _ in range(args.repeat):
        for name, fn in methods:
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    rows = [(name, min(ts), statistics.median(ts)) for name, ts in times.items()]
    best_time = {name: b for name, b, _ in rows}

    name_w = max(len(r[0]) for r in rows)
    print()
    print(f"| {'method':<{name_w}} | {'best s':>8} | {'median s':>8} | {'posts/s':>10} |")
    print(f"|{'-' * (name_w + 2)}|{'-' * 10}|{'-' * 10}|{'-' * 12}|")
    for name, best, median in rows:
        print(f"| {name:<{name_w}} | {best:>8.4f} | {median:>8.4f} | {n / best:>10,.0f} |")
    if vader in best_time:
        ratio = best_time[vader] / best_time[methods[0][0]]
        verdict = "meets" if ratio >= 30 else "BELOW"
        print()
        print(f"analyze_many(threads=1) vs vader: {ratio:.1f}x faster ({verdict} the 30x target)")


if __name__ == "__main__":
    main()
