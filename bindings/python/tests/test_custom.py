"""Custom rules, fixes and ignore entries against the shared fixtures
(``tests/fixtures/custom``): the same configs and drafts give the same
reports as the Rust library and the CLI (``expected.json``, offsets in code
points here), and ``Report.apply_fixes`` gives the same fixed text."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import postlint

FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "custom"
CASES: List[Dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text("utf-8"))


def config(name: str) -> Dict[str, Any]:
    value: Dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return value


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_reports_match_the_shared_fixtures(case: Dict[str, Any]) -> None:
    linter = postlint.Linter(config(case["config"]))
    report = linter.analyze(case["text"])
    got = report.to_dict()
    assert got.pop("text") == case["text"]
    assert got == case["chars"]
    for d, want in zip(report.diagnostics, case["chars"]["diagnostics"]):
        assert d.to_dict() == want
        assert case["text"][d.start : d.end]
        if d.fix is not None:
            assert (d.fix.start, d.fix.end, d.fix.replacement) == (
                want["fix"]["start"],
                want["fix"]["end"],
                want["fix"]["replacement"],
            )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_apply_fixes_matches_the_shared_fixtures(case: Dict[str, Any]) -> None:
    report = postlint.Linter(config(case["config"])).analyze(case["text"])
    assert report.apply_fixes() == case["fixed"]
    assert report.apply_fixes(case["text"]) == case["fixed"]


def test_fixed_findings_do_not_come_back() -> None:
    linter = postlint.Linter(config("house"))
    text = "🔥 DIRT CHEAP LAMPS FOR EVERY ROOM!!!! lumenlane"
    fixed = linter.analyze(text).apply_fixes()
    left = {d.rule for d in linter.analyze(fixed).diagnostics}
    assert "brand-spelling" not in left
    assert fixed.endswith("Lumen Lane")


def test_apply_fixes_on_other_text_and_bad_input() -> None:
    report = postlint.Linter(config("house")).analyze("cheap 💡 cheap")
    assert report.apply_fixes() == "affordable 💡 affordable"
    # Offsets past the end of another text are skipped, never a crash.
    assert report.apply_fixes("") == ""
    with pytest.raises(TypeError):
        report.apply_fixes(b"cheap")  # type: ignore[arg-type]


def test_custom_rule_config_errors_name_the_key() -> None:
    bad = {"custom_rules": [{"id": "Not Kebab", "phrases": ["x"], "severity": "info", "message": "m"}]}
    with pytest.raises(postlint.ConfigError) as e:
        postlint.Linter(bad)
    assert e.value.key == "custom_rules[0].id"
    with pytest.raises(postlint.ConfigError) as e:
        postlint.Linter({"ignore": [{"rule": "no-such-rule", "text": "x"}]})
    assert e.value.key == "ignore[0].rule"
