"""Property tests of the Python config conversion (issue 15's "Python/JS
config conversion where a harness fits").

The Rust `config` and `fixes` fuzz targets cover the schema itself; what they
cannot reach is the step from Python objects (dicts, lists, ints beyond 64
bits, NaN, bools where numbers belong, lone surrogates, tuples, None) to the
core's config. Hypothesis builds config-shaped dicts whose keys are mostly the
real ones and whose values are often of the wrong type. The property: a
config either builds a Linter that analyses drafts within the report
invariants, or is refused with ConfigError / TypeError / ValueError. A Rust
panic would surface as InternalError or pyo3's PanicException, which are
neither, so they fail the test.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import postlint

# Every character class the drafts meet, lone surrogates included (Python
# strings may hold them; UTF-8 cannot).
ANY_CHAR = st.characters(codec=None, categories=None)
TEXT = st.text(ANY_CHAR, max_size=24) | st.sampled_from(
    ["Buy now", "cheap", "ＣＨＥＡＰ", "e\u0301", "👨\u200d👩\u200d👧", "\ud800", "", " ", "#deal", "$9.99"]
)
RULE_IDS = [r.id for r in postlint.rules()] + ["no-such-rule", "my-rule", "Bad Id", ""]
LEVELS = ["off", "hint", "info", "warning", "error", "loud", ""]
DIMENSIONS = ["salesy", "personal", "conversational", "identity_reflecting", "vibes"]
PLATFORMS = ["x", "bluesky", "threads", "mastodon", "linkedin", "instagram", "facebook", "myspace"]

NUMBER = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
UNIT = st.floats(min_value=0.0, max_value=1.0)
# Anything at all, for the values a user gets wrong.
JUNK = st.recursive(
    st.none() | NUMBER | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def sometimes_junk(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    # Mostly the right shape, so that many configs build and reach analysis
    # (a weighted draw: Hypothesis would not weight repeated one_of branches).
    return st.tuples(st.integers(0, 7), strategy, JUNK).map(lambda t: t[2] if t[0] == 7 else t[1])


def mostly(good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.tuples(st.integers(0, 3), good, bad).map(lambda t: t[2] if t[0] == 3 else t[1])


SEVERITIES = ["info", "warning", "error"]
PHRASE = st.from_regex(r"\A[a-zé’]{1,8}( [a-z0-9!$]{1,6})?\Z") | st.sampled_from(["buy now", "CHEAP", "deal!!"])
CUSTOM_RULE = st.fixed_dictionaries(
    {
        "id": sometimes_junk(
            mostly(st.from_regex(r"\A[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}\Z"), st.sampled_from(RULE_IDS) | TEXT)
        ),
        "phrases": sometimes_junk(st.lists(mostly(PHRASE, TEXT), min_size=1, max_size=4)),
        "severity": sometimes_junk(mostly(st.sampled_from(SEVERITIES), st.sampled_from(LEVELS))),
        "message": sometimes_junk(mostly(st.just("Say {text} less") | st.text(ANY_CHAR, min_size=1), TEXT)),
    },
    optional={
        "suggestion": sometimes_junk(TEXT),
        "replacement": sometimes_junk(TEXT),
    },
).flatmap(
    # A dimension comes with a weight, except when testing that it must.
    lambda rule: mostly(
        st.just(rule) | st.builds(lambda d, w: {**rule, "dimension": d, "weight": w},
                                  st.sampled_from(DIMENSIONS[:4]), st.floats(-3, 3)),
        st.builds(lambda d, w: {**rule, "dimension": d, "weight": w}, JUNK, JUNK),
    )
)
CONFIG = st.fixed_dictionaries(
    {},
    optional={
        "rules": sometimes_junk(
            st.dictionaries(st.sampled_from(RULE_IDS) | TEXT, st.sampled_from(LEVELS), max_size=3)
        ),
        "thresholds": sometimes_junk(st.dictionaries(st.sampled_from(DIMENSIONS), sometimes_junk(UNIT), max_size=4)),
        "brands": sometimes_junk(st.lists(TEXT, max_size=3)),
        "extra_sales_phrases": sometimes_junk(st.lists(TEXT, max_size=3)),
        "allow": sometimes_junk(st.lists(TEXT, max_size=3)),
        "platform": sometimes_junk(st.sampled_from(PLATFORMS)),
        "max_length": sometimes_junk(st.integers(0, 600)),
        "custom_rules": sometimes_junk(st.lists(CUSTOM_RULE, max_size=2)),
        "ignore": sometimes_junk(
            st.lists(st.fixed_dictionaries({"rule": st.sampled_from(RULE_IDS), "text": TEXT}), max_size=2)
        ),
    },
)
# Now and then a key the schema does not know.
CONFIG = st.tuples(st.integers(0, 9), CONFIG, TEXT, JUNK).map(
    lambda t: {**t[1], t[2]: t[3]} if t[0] == 9 else t[1]
)
DRAFT = st.lists(
    TEXT | st.sampled_from(["BUY NOW!!!", "50% off", "shop.example.com", "@ana", "🇫🇷", "\n"]), max_size=8
).map(" ".join)


def check_report(text: str, report: postlint.Report) -> None:
    assert report.text is text
    for score in (report.scores.salesy, report.scores.personal, report.scores.conversational,
                  report.scores.identity_reflecting):
        assert 0.0 <= score <= 1.0
    for item in [*report.diagnostics, *report.evidence]:
        assert 0 <= item.start <= item.end <= len(text)
    fixed = report.apply_fixes()
    assert isinstance(fixed, str)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(config=CONFIG, draft=DRAFT)
def test_any_config_builds_a_linter_or_is_refused_cleanly(config: dict, draft: str) -> None:
    try:
        linter = postlint.Linter(config)
    except postlint.ConfigError as e:
        assert str(e)
        assert e.key is None or isinstance(e.key, str)
        return
    except (TypeError, ValueError, OverflowError) as e:
        assert str(e)
        return
    # A config that built is usable, and reads back as a dict that builds
    # the same linter.
    again = postlint.Linter(linter.config)
    assert again.config == linter.config
    report = linter.analyze(draft)
    check_report(draft, report)
    assert again.analyze(draft).to_dict() == report.to_dict()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules=st.lists(CUSTOM_RULE, min_size=1, max_size=3), draft=DRAFT, data=st.data())
def test_custom_rules_match_their_phrases_and_fix_cleanly(rules: list, draft: str, data: Any) -> None:
    try:
        linter = postlint.Linter({"custom_rules": rules})
    except (postlint.ConfigError, TypeError, ValueError) as e:
        assert str(e)
        return
    # Put the rules' own phrases into the draft, so they match and fix.
    phrases = [p for r in rules for p in r["phrases"]]
    pieces = data.draw(st.permutations([draft, *phrases]))
    text = data.draw(st.sampled_from([" ", "\n", "👍🏽 ", "\u0301 "])).join(pieces)
    report = linter.analyze(text)
    check_report(text, report)
    fixed = report.apply_fixes()
    # Re-linting the fixed text never panics and stays within the invariants.
    check_report(fixed, linter.analyze(fixed))
