#!/usr/bin/env python3
"""Fails when a file in the repository borrows wording from the labelled data.

The project's rule: no corpus or data-set text goes into a test, an example,
a fuzz seed or a comment; tests and examples are written fresh, so that
passing them says nothing about the drafts the model is measured on. This
check compares every tracked text file with the texts of
`corpus/dev.jsonl`, `corpus/train/*.jsonl` and `data/*.jsonl`, five words
at a time (lower-cased, punctuation dropped), and flags a run of five words
with at least three content words that appears in the texts of exactly one
source: one writer (the id prefix) or one public set. Wording found in two
or more sources is shared English ("thanks for sharing"), not a source's own.

Not read: the lexicon files (`scripts/lexicon-audit.py` holds them to the
same rule phrase by phrase), the model's weights (single learned words),
and the twitter-text conformance fixtures (upstream test data).

    python3 scripts/corpus-overlap.py [SHARED_DIR]   (default: ../shared)
"""
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
N = 5
WORD = re.compile(r"[a-z0-9']+")
SKIP = re.compile(
    r"^(crates/postlint/src/lexicon/|crates/postlint/src/model/|tests/fixtures/twitter-text/)"
    r"|\.(png|wasm|lock|gz)$"
)
# Function words: a run of them ("at the end of the") is anyone's English.
FUNCTION = set(
    """a an the of to in on at for from by with and or but if is are was were be
    been it its this that these those i me my we our you your he she they them
    their his her what who do does did not no so as just there here up out about
    into over than then too very can will would should could have has had get got""".split()
)


def words(text: str) -> list:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def shingles(text: str):
    ws = words(text)
    for i in range(len(ws) - N + 1):
        run = tuple(ws[i : i + N])
        if sum(w not in FUNCTION for w in run) >= 3:
            yield run


def sources(shared: Path) -> dict:
    """Each five-word run of the labelled texts -> the sources that hold it."""
    held = defaultdict(set)
    corpus = [shared / "corpus/dev.jsonl", *sorted((shared / "corpus/train").glob("*.jsonl"))]
    for path in corpus + sorted((shared / "data").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            row = json.loads(line)
            source = row["id"].split("-")[0] if path in corpus else path.stem
            for run in shingles(row.get("text") or ""):
                held[run].add(source)
    return held


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else REPO.parent / "shared")
    held = sources(shared)
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.decode().split("\0")
    bad, read = [], 0
    for name in filter(None, listed):
        if SKIP.search(name):
            continue
        try:
            text = (REPO / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        read += 1
        for n, line in enumerate(text.splitlines(), 1):
            for run in shingles(line):
                owners = held.get(run, ())
                if len(owners) == 1:
                    bad.append(f"{name}:{n}: {' '.join(run)!r} is in {next(iter(owners))}'s texts only")
                    break
    print(f"corpus overlap: {read} files, {len(bad)} lines borrow a source's wording")
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
