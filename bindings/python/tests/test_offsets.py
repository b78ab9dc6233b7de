"""Offsets are Python code points: slicing the text gives the flagged text.

The rules themselves are tuned in the core, so these tests lean on its most
stable judgement ("Buy now" is a hard sell) plus judgement-free invariants;
test_consistency.py checks every span against the CLI's byte offsets.
"""

from __future__ import annotations

import pytest

import postlint
from conftest import UNICODE_DRAFTS

PREFIXES = {
    "zwj-family": "👨‍👩‍👧‍👦",
    "zwj-profession": "🧑🏾‍💻",
    "skin-tone": "👍🏽",
    "flags": "🇫🇷🇯🇵",
    "cjk": "新年快乐！",
    "hangul": "안녕하세요",
    "combining": "Cafe\u0301 e\u0301te\u0301",
    "zalgo": "Z\u0351\u0315a\u0308\u0301l\u0300go",
    "keycap": "1\ufe0f\u20e3",
    "astral-math": "𝒷𝓊𝓎",
}


def flagged(text: str, rule: str) -> list[str]:
    r = postlint.analyze(text)
    assert r.text is text
    return [r.text[d.start : d.end] for d in r.diagnostics if d.rule == rule]


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_flagged_text_after_prefix(prefix):
    text = f"{prefix} {prefix} Buy now, 50% off everything! {prefix}"
    assert flagged(text, "hard-sell") == ["Buy now"]


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_several_spans_after_several_prefixes(prefix):
    text = f"{prefix} Buy now {prefix}{prefix} and {prefix} Buy now {prefix}"
    assert flagged(text, "hard-sell") == ["Buy now", "Buy now"]


@pytest.mark.parametrize("prefix", PREFIXES.values(), ids=PREFIXES.keys())
def test_evidence_after_prefix(prefix):
    text = f"{prefix} Buy now"
    r = postlint.analyze(text)
    start = text.index("Buy now")
    after = [e for e in r.evidence if e.start >= start]
    assert after, "'Buy now' moves the salesy score"
    for e in after:
        assert text[e.start : e.end] in ("Buy", "now", "Buy now")


@pytest.mark.parametrize("text", UNICODE_DRAFTS)
def test_spans_are_in_bounds(text):
    r = postlint.analyze(text)
    assert r.diagnostics, "each of these drafts triggers some rule"
    for item in [*r.diagnostics, *r.evidence]:
        assert 0 <= item.start < item.end <= len(text)


def test_some_spans_contain_multi_code_point_clusters():
    """Spans that cover emoji, flags, CJK or combining marks are exercised
    (their exact bounds are checked against the CLI in test_consistency)."""
    inner = []
    for text in UNICODE_DRAFTS:
        r = postlint.analyze(text)
        inner += [text[d.start : d.end] for d in r.diagnostics if not text[d.start : d.end].isascii()]
    assert inner
