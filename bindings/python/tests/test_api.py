"""Report, Scores, Labels, Diagnostic, Evidence, rules(), reprs and HTML."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest

import postlint

PITCH = "HUGE SALE!!! Buy now, 50% off everything, today only!"
DIMS = ["salesy", "personal", "conversational", "identity_reflecting"]


@pytest.fixture(scope="module")
def report() -> postlint.Report:
    return postlint.analyze(PITCH)


def test_scores_are_attributes_and_a_mapping(report):
    s = report.scores
    assert isinstance(s, Mapping)
    assert list(s.keys()) == DIMS == list(s)
    assert len(s) == 4
    assert s["salesy"] == s.salesy and isinstance(s.salesy, float)
    assert dict(s) == dict(s.items()) == s.to_dict()
    assert list(s.values()) == [s.salesy, s.personal, s.conversational, s.identity_reflecting]
    assert "personal" in s and "spicy" not in s and 3 not in s
    assert s.get("spicy") is None and s.get("spicy", 1.5) == 1.5 and s.get("salesy") == s.salesy
    with pytest.raises(KeyError):
        s["spicy"]
    assert all(0.0 <= v <= 1.0 for v in s.values())
    assert s.salesy > 0.5


def test_labels_are_bools(report):
    labels = report.labels
    assert isinstance(labels, Mapping)
    assert labels.salesy is True and labels["salesy"] is True
    assert all(isinstance(v, bool) for v in labels.values())
    assert dict(labels).keys() == dict(report.scores).keys()


def test_diagnostics(report):
    ds = report.diagnostics
    assert "hard-sell" in {d.rule for d in ds} and len(ds) >= 2
    for d in ds:
        assert d.severity in ("error", "warning", "info")
        assert isinstance(d.message, str) and d.message
        assert d.suggestion is None or isinstance(d.suggestion, str)
        assert report.text[d.start : d.end]
    hard = next(d for d in ds if d.rule == "hard-sell")
    assert report.text[hard.start : hard.end] == "Buy now"
    assert hard.severity == "error"
    assert report.has_errors()
    r = repr(hard)
    assert r.startswith("Diagnostic(") and "hard-sell" in r and "error" in r and str(hard.start) in r
    assert hard == postlint.analyze(PITCH).diagnostics[ds.index(hard)]


def test_evidence(report):
    ev = report.evidence
    assert ev
    for e in ev:
        assert e.dimension in DIMS
        assert isinstance(e.signal, str) and isinstance(e.weight, float)
        assert 0 <= e.start < e.end <= len(report.text)
    assert "Evidence(" in repr(ev[0])
    assert set(ev[0].to_dict()) == {"dimension", "signal", "start", "end", "weight"}


def test_report_text_and_to_dict(report):
    assert report.text == PITCH
    d = report.to_dict()
    # `length` is there only with a platform (test_tokens.py checks it).
    assert set(d) == {"text", "scores", "labels", "diagnostics", "evidence", "language"}
    assert d["text"] == PITCH
    assert d["language"] == report.language == "en"
    assert d["scores"] == dict(report.scores)
    assert d["labels"] == dict(report.labels)
    assert d["diagnostics"] == [x.to_dict() for x in report.diagnostics]
    assert d["evidence"] == [x.to_dict() for x in report.evidence]
    first = d["diagnostics"][0]
    keys = {"rule", "severity", "start", "end", "message", "suggestion"}
    # `fix` is there only when the finding has one (as in the CLI's JSON).
    assert set(first) == keys | ({"fix"} if report.diagnostics[0].fix else set())


def test_report_repr_is_short_and_useful(report):
    r = repr(report)
    assert r.startswith("<Report ")
    assert "salesy=" in r and "hard-sell" in r
    long = postlint.analyze("word " * 10_000)
    assert len(repr(long)) < 400


def test_report_equality(report):
    assert report == postlint.analyze(PITCH)
    assert report != postlint.analyze("Walked the dog this morning.")
    assert report != "not a report"


def test_rules_catalogue():
    rules = postlint.rules()
    assert len(rules) == 16
    ids = [r.id for r in rules]
    assert len(set(ids)) == 16
    assert {"hard-sell", "urgency", "hashtag-stuffing", "missed-conversation"} <= set(ids)
    for r in rules:
        assert r.dimension in DIMS
        assert r.default_severity in ("error", "warning", "info")
        assert r.description
        assert r.severity == r.default_severity and not r.custom
        assert r.to_dict() == {
            "id": r.id,
            "dimension": r.dimension,
            "default_severity": r.default_severity,
            "severity": r.severity,
            "description": r.description,
            "custom": False,
        }
        assert r.id in repr(r)


def test_linter_rules_list_the_configured_catalogue():
    linter = postlint.Linter(
        {
            "rules": {"shouting": "off", "hard-sell": "info"},
            "custom_rules": [
                {"id": "say-wifi", "phrases": ["wi fi"], "message": "Write '{text}' as Wi-Fi.",
                 "severity": "warning"},
                {"id": "no-synergy", "phrases": ["synergy"], "message": "Plain words, please.",
                 "severity": "info", "dimension": "personal", "weight": -0.5},
            ],
        }
    )
    rules = linter.rules()
    builtin = [r.id for r in postlint.rules()]
    assert [r.id for r in rules] == builtin + ["say-wifi", "no-synergy"]
    by_id = {r.id: r for r in rules}
    assert by_id["shouting"].severity is None and by_id["shouting"].default_severity == "warning"
    assert by_id["hard-sell"].severity == "info" and by_id["hard-sell"].default_severity == "error"
    wifi = by_id["say-wifi"]
    assert wifi.custom and wifi.dimension is None and wifi.severity == "warning"
    assert wifi.description == "Write '…' as Wi-Fi."
    assert by_id["no-synergy"].dimension == "personal"
    assert "custom=True" in repr(wifi) and "dimension=None" in repr(wifi)
    assert postlint.Linter().rules() == postlint.rules()


def test_version():
    assert isinstance(postlint.__version__, str) and postlint.__version__


def test_html_escapes_the_draft():
    text = 'Buy now <script>alert("x")</script> & <b>50% off</b> today only'
    html = postlint.analyze(text)._repr_html_()
    assert "<script>" not in html and "</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "&amp;" in html


def test_html_highlights_diagnostics(report):
    html = report._repr_html_()
    assert html.count("<mark") >= len(report.diagnostics)
    for d in report.diagnostics:
        assert f'class="postlint-{d.severity}"' in html or any(
            o.start <= d.start and d.end <= o.end for o in report.diagnostics if o is not d
        )
    assert 'class="postlint-error"' in html  # hard-sell
    hard = next(d for d in report.diagnostics if d.rule == "hard-sell")
    assert "hard-sell (error): " in html and hard.message.split('"')[-1][:20] in html
    assert ">Buy now</mark>" in html
    for name in DIMS:
        assert name in html  # one score bar each


def test_html_escapes_messages_in_title():
    # Messages quote the flagged text; quotes and angle brackets must not
    # break out of the title attribute.
    # (The pitch comes first: a pitch inside quotation marks is a quote, not
    # the author selling, and is not flagged.)
    html = postlint.analyze('Buy now!!! "><img src=x onerror=alert(1)>')._repr_html_()
    assert "<img" not in html and "&lt;img" in html
    assert 'title="' in html and "&quot;Buy now&quot;" in html


def test_overlapping_spans_render_once():
    r = postlint.analyze("We are proud to announce our 10,000 followers milestone.")
    html = r._repr_html_()
    assert len(r.diagnostics) >= 2
    # The visible text is the draft, once, however the spans overlap.
    text_div = re.search(r'<div class="postlint-text"[^>]*>(.*?)</div>', html, re.S)
    assert text_div is not None
    visible = re.sub(r"<[^>]+>", "", text_div.group(1))
    assert visible == r.text
