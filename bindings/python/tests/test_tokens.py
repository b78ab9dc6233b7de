"""postlint.tokenize and Report.length: the same results as the Rust CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import postlint
from conftest import UNICODE_DRAFTS

DRAFTS = UNICODE_DRAFTS + [
    "RT@ana: loving #il·lusió and $TEST.T at http://t.co/abc's 中国語example.com",
    "x" * 290 + " https://example.com/" + "p" * 40,
]


def cli_lines(bin: Path, cwd: Path, args: List[str], texts: List[str]) -> List[Dict[str, Any]]:
    jsonl = cwd / "drafts.jsonl"
    jsonl.write_text(
        "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    out = subprocess.run([str(bin), *args, str(jsonl)], cwd=cwd, check=True, capture_output=True)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


def test_tokenize_matches_cli_tokens(postlint_bin, tmp_path):
    lines = cli_lines(postlint_bin, tmp_path, ["tokens", "--offsets", "chars"], DRAFTS)
    for line, text in zip(lines, DRAFTS):
        tokens = postlint.tokenize(text)
        assert tokens == line["tokens"]
        for t in tokens:
            assert text[t["start"] : t["end"]] == t["text"]


def test_tokenize_kinds_and_code_points():
    text = "👍🏽 @ana #tbt $AAPL example.com\n"
    kinds = [(t["kind"], t["text"]) for t in postlint.tokenize(text)]
    assert kinds == [
        ("emoji", "👍🏽"),
        ("mention", "@ana"),
        ("hashtag", "#tbt"),
        ("cashtag", "$AAPL"),
        ("url", "example.com"),
        ("line_break", "\n"),
    ]
    assert postlint.tokenize("👍🏽 @ana")[1]["start"] == 3


def test_length_matches_cli(postlint_bin, tmp_path):
    for platform in ["x", "bluesky", "mastodon", "threads"]:
        lines = cli_lines(postlint_bin, tmp_path, ["batch", "--offsets", "chars", "--platform", platform], DRAFTS)
        reports = postlint.analyze_many(DRAFTS, config={"platform": platform})
        for line, report in zip(lines, reports):
            assert report.length == line["length"]
            assert [d.to_dict() for d in report.diagnostics] == line["diagnostics"]
    assert postlint.analyze("hi").length is None


def test_too_long_spans_the_overflow_in_code_points():
    text = "👍" * 5 + "abc"
    report = postlint.analyze(text, config={"platform": "threads", "max_length": 6})
    assert report.length == {"platform": "threads", "count": 8, "limit": 6}
    d = next(d for d in report.diagnostics if d.rule == "too-long")
    assert text[d.start : d.end] == "bc"
