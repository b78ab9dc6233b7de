"""Typed use of the public API; checked with `mypy --strict` against the stubs."""

from __future__ import annotations

from typing import Dict, List, Optional

import postlint


def main() -> None:
    report: postlint.Report = postlint.analyze("Buy now!", config={"brands": ["Acme"]})
    salesy: float = report.scores.salesy
    also: float = report.scores["personal"]
    flag: bool = report.labels.conversational
    scores: Dict[str, float] = dict(report.scores)
    for d in report.diagnostics:
        rule: str = d.rule
        span: str = report.text[d.start : d.end]
        suggestion: Optional[str] = d.suggestion
        print(rule, d.severity, span, d.message, suggestion)
    for e in report.evidence:
        weight: float = e.weight
        print(e.dimension, e.signal, weight)
    linter = postlint.Linter({"thresholds": {"salesy": 0.6}})
    many: List[postlint.Report] = linter.analyze_many(["a", "b"], threads=2)
    more: List[postlint.Report] = postlint.analyze_many((t for t in ["x"]), threads=None)
    ids: List[str] = [r.id for r in postlint.rules()]
    try:
        postlint.Linter({"colour": 1})
    except postlint.ConfigError as err:
        key: Optional[str] = err.key
        print(key)
    html: str = report._repr_html_()
    as_dict: Dict[str, object] = report.to_dict()
    length = postlint.analyze("hi", config={"platform": "x"}).length
    if length is not None:
        left: int = length["limit"] - length["count"]
        print(left, length["platform"])
    kinds: List[str] = [t["kind"] for t in postlint.tokenize("hi #tbt")]
    spans: List[int] = [t["start"] + t["end"] for t in postlint.tokenize("hi")]
    print(salesy, also, flag, scores, many, more, ids, html, as_dict, kinds, spans)


if __name__ == "__main__":
    main()


def fixes() -> str:
    linter = postlint.Linter(
        {
            "custom_rules": [
                {
                    "id": "say-sturdy",
                    "phrases": ["flimsy"],
                    "severity": "warning",
                    "message": "We say sturdy.",
                    "replacement": "sturdy",
                }
            ],
            "ignore": [{"rule": "hard-sell", "text": "buy now"}],
        }
    )
    report = linter.analyze("A flimsy chair")
    fix: Optional[postlint.Fix] = report.diagnostics[0].fix
    if fix is not None:
        start: int = fix.start
        replacement: str = fix.replacement
        assert start >= 0 and replacement
    custom: List[str] = [r.id for r in linter.rules() if r.custom and r.severity is not None]
    assert custom == ["say-sturdy"]
    fixed: str = report.apply_fixes()
    return report.apply_fixes(fixed)
