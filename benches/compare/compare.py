"""One run, same texts, single thread: postlint against vaderSentiment (full
analysis) and NLTK's TweetTokenizer (tokenizer). Prints each throughput and
the ratio postlint/peer. Run through compare.sh, which sets up the venv.

Every method runs over all texts once per round; rounds interleave the
methods so that a change in machine load hits all of them alike, and each
method's best round is reported (the least disturbed one).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List


def load(path: Path) -> List[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def best(fn: Callable[[], object], rounds: int) -> float:
    fn()  # warm-up: imports, lexicons, caches
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, required=True)
    ap.add_argument("data", nargs="?", type=Path)
    ap.add_argument("--rounds", type=int, default=7)
    args = ap.parse_args()
    data = args.data or args.root.parent / "shared" / "data" / "vader_tweets.jsonl"
    texts = load(data)
    n = len(texts)
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{n} texts ({nbytes / 1e3:.0f} kB UTF-8) from {data}; "
          f"{args.rounds} rounds, best round reported; single thread everywhere")

    # Native Rust timings (the core as a Rust caller sees it).
    native = json.loads(subprocess.run(
        ["cargo", "bench", "--quiet", "-p", "postlint", "--bench", "compare_native",
         "--", str(data), "--rounds", str(max(args.rounds, 10))],
        cwd=args.root, check=True, capture_output=True, text=True,
    ).stdout.strip().splitlines()[-1])

    # The CLI reads the file and writes one JSON line per text; the output is
    # discarded but fully produced. Includes process start-up.
    cli = args.root / "target" / "release" / "postlint"
    env = dict(os.environ, NO_COLOR="1")

    def run_cli() -> None:
        with data.open("rb") as f:
            subprocess.run([str(cli), "batch"], stdin=f, stdout=subprocess.DEVNULL,
                           check=False, env=env, cwd="/")

    import postlint
    from nltk.tokenize import TweetTokenizer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    linter = postlint.Linter()
    sia = SentimentIntensityAnalyzer()
    tt = TweetTokenizer()

    methods: Dict[str, Callable[[], object]] = {
        "postlint CLI batch (JSONL in/out)": run_cli,
        "postlint Python analyze_many(threads=1)": lambda: linter.analyze_many(texts, threads=1),
        "vaderSentiment polarity_scores": lambda: [sia.polarity_scores(t) for t in texts],
        "NLTK TweetTokenizer.tokenize": lambda: [tt.tokenize(t) for t in texts],
    }
    secs: Dict[str, float] = {}
    for _ in range(args.rounds):
        for name, fn in methods.items():
            t = best(fn, 1)
            secs[name] = min(secs.get(name, t), t)
    rate = {name: n / s for name, s in secs.items()}
    rate["postlint native Linter::analyze"] = native["analyze_posts_per_s"]
    rate["postlint native tokenize_into"] = native["tokenize_posts_per_s"]

    print()
    print(f"| {'method':<42} | {'posts/s':>12} | {'MB/s':>8} |")
    print(f"|{'-' * 44}|{'-' * 14}|{'-' * 10}|")
    for name, r in sorted(rate.items(), key=lambda kv: -kv[1]):
        print(f"| {name:<42} | {r:>12,.0f} | {r * nbytes / n / 1e6:>8.2f} |")

    vader = rate["vaderSentiment polarity_scores"]
    nltk = rate["NLTK TweetTokenizer.tokenize"]
    checks = [
        ("full analysis: native / VADER", rate["postlint native Linter::analyze"] / vader, 100),
        ("full analysis: Python analyze_many / VADER",
         rate["postlint Python analyze_many(threads=1)"] / vader, 100),
        ("full analysis: CLI batch / VADER", rate["postlint CLI batch (JSONL in/out)"] / vader, 100),
        ("tokenizer: native / NLTK TweetTokenizer", rate["postlint native tokenize_into"] / nltk, 100),
    ]
    print()
    print(f"| {'ratio':<44} | {'x':>8} | {'target':>7} |")
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 9}|")
    for name, x, target in checks:
        mark = "met" if x >= target else "MISSED"
        print(f"| {name:<44} | {x:>8.1f} | {'>=' + str(target):>7} | {mark}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
