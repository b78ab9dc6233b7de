"""Offsets are Python code points: slicing the text gives the flagged text."""

from __future__ import annotations

import pytest

import postlint
from conftest import UNICODE_DRAFTS


def flagged(text: str) -> list[tuple[str, str]]:
    r = postlint.analyze(text)
    return [(d.rule, r.text[d.start : d.end]) for d in r.diagnostics]


def test_after_zwj_family():
    assert ("hard-sell", "Buy now") in flagged("👨‍👩‍👧‍👦 HUGE SALE!!! Buy now, 50% off")
    assert ("discount", "50% off") in flagged("👨‍👩‍👧‍👦 HUGE SALE!!! Buy now, 50% off")


def test_after_flags():
    got = flagged("🇫🇷🇯🇵 Like and share if you agree!!! Follow us for more")
    assert ("engagement-bait", "Like and share if you agree") in got
    assert ("shouting", "!!!") in got


def test_after_cjk():
    got = flagged("新年快乐！We are proud to announce our 10,000 followers milestone. Link in bio")
    assert ("vanity-metrics", "10,000 followers") in got
    assert ("hard-sell", "Link in bio") in got


def test_after_combining_marks_and_emoji():
    got = flagged("Cafe\u0301 e\u0301te\u0301 — Buy now 🎉🎉🎉!!! Shop now")
    assert ("hard-sell", "Buy now") in got
    assert ("shouting", "!!!") in got
    assert ("hard-sell", "Shop now") in got


def test_span_containing_zwj_sequence():
    got = flagged("BUY NOW 👨‍👩‍👧 AND SAVE 🇫🇷")
    assert ("shouting", "BUY NOW 👨‍👩‍👧 AND SAVE") in got


def test_span_containing_cjk_and_combining_marks():
    got = flagged("Big news 🎉 #cafe\u0301 #新年快乐 #ok #go #win #deal #shop #now")
    assert ("hashtag-stuffing", "#cafe\u0301 #新年快乐 #ok #go #win #deal #shop #now") in got


def test_skin_tone_then_link():
    assert ("link-only", "https://x.co/a") in flagged("👍🏽 https://x.co/a")


@pytest.mark.parametrize("text", UNICODE_DRAFTS)
def test_every_span_is_in_bounds_and_on_text(text):
    r = postlint.analyze(text)
    assert r.diagnostics, "each of these drafts should trigger some rule"
    for item in [*r.diagnostics, *r.evidence]:
        assert 0 <= item.start < item.end <= len(text)


def test_evidence_offsets_are_code_points():
    text = "🇫🇷 新年 Buy now"
    r = postlint.analyze(text)
    buys = [e for e in r.evidence if e.signal == "call-to-buy"]
    assert buys and all(text[e.start : e.end] == "Buy now" for e in buys)


def test_same_spans_as_ascii_prefix():
    """Replacing a multi-code-point prefix by as many ASCII characters shifts
    nothing: the offsets count code points, not bytes or UTF-16 units."""
    body = " HUGE SALE!!! Buy now, 50% off everything, today only!"
    for prefix in ["👨‍👩‍👧‍👦", "🇫🇷🇯🇵", "新年快乐", "e\u0301e\u0301"]:
        uni = postlint.analyze(prefix + body).diagnostics
        asc = postlint.analyze("x" * len(prefix) + body).diagnostics
        assert [(d.rule, d.start, d.end) for d in uni if d.start >= len(prefix)] == [
            (d.rule, d.start, d.end) for d in asc if d.start >= len(prefix)
        ]
