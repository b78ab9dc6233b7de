#!/usr/bin/env python3
"""Fails when a lexicon phrase appears in exactly one writer's drafts.

The project's rule: no phrase seen in only one writer's drafts goes into a
lexicon, so no single writer's wording is memorised (and the held-out
numbers for that writer are not inflated by it). A phrase also found in
one of the public data sets is not that writer's own wording and passes.

Matching is deliberately generous (case, curly quotes, punctuation,
elongation and numbers ignored, whole words), so it flags at least what the
lexicon's own normalisation would match.

    python3 scripts/lexicon-audit.py [SHARED_DIR]   (default: ../shared)
"""
import glob
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LEXICONS = sorted((REPO / "crates/postlint/src/lexicon").glob("*.txt"))


def norm(s: str) -> str:
    s = s.lower().translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})
    s = re.sub(r"\d+([.,]\d+)*", "0", s)
    s = re.sub(r"[^\w'\s]", " ", s)
    s = re.sub(r"(\w)\1{2,}", r"\1\1", s)
    return " " + " ".join(s.split()) + " "


def main() -> int:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else REPO.parent / "shared")
    corpus = shared / "corpus"
    drafts = defaultdict(list)
    for f in [corpus / "dev.jsonl", *sorted(corpus.glob("train/*.jsonl"))]:
        for line in f.open(encoding="utf-8"):
            row = json.loads(line)
            drafts[row["id"].split("-")[0]].append(norm(row["text"]))
    public = "\n".join(
        norm(json.loads(line)["text"])
        for f in sorted(glob.glob(str(shared / "data/*.jsonl")))
        for line in open(f, encoding="utf-8")
    )
    bad, checked = [], 0
    for lexicon in LEXICONS:
        for n, line in enumerate(lexicon.open(encoding="utf-8"), 1):
            line = line.strip()
            if not line or line.startswith(("#", "[")):
                continue
            phrase = norm(re.sub(r"\s\*[\d.]+$", "", line))
            if not phrase.strip():
                continue
            checked += 1
            writers = [w for w, ds in drafts.items() if any(phrase in d for d in ds)]
            if len(writers) == 1 and phrase not in public:
                bad.append(f"{lexicon.name}:{n}: {line!r} appears only in writer {writers[0]}'s drafts")
    print(f"lexicon audit: {checked} phrases, {len(bad)} in exactly one writer's drafts")
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
