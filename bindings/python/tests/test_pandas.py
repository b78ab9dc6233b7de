"""to_pandas: columns, index, and the message when pandas is missing."""

from __future__ import annotations

import sys

import pytest

import postlint

DIMS = ["salesy", "personal", "conversational", "identity_reflecting"]
DRAFTS = [
    "HUGE SALE!!! Buy now, 50% off everything, today only!",
    "Walked the dog by the river this morning, the fog was unreal.",
    "What's your favourite trail? Tell me in the comments 👇",
    "Buy now. Buy now. Order now!",
]


def expected_columns():
    return DIMS + [f"{d}_label" for d in DIMS] + [r.id for r in postlint.rules()]


def test_columns_and_values():
    pd = pytest.importorskip("pandas")
    df = postlint.to_pandas(DRAFTS)
    assert list(df.columns) == expected_columns()
    assert len(df) == len(DRAFTS)
    assert isinstance(df.index, pd.RangeIndex) and list(df.index) == list(range(len(DRAFTS)))
    reports = postlint.analyze_many(DRAFTS)
    for i, r in enumerate(reports):
        row = df.iloc[i]
        for d in DIMS:
            assert row[d] == r.scores[d]
            assert bool(row[f"{d}_label"]) == r.labels[d]
        for rule in postlint.rules():
            assert row[rule.id] == sum(1 for x in r.diagnostics if x.rule == rule.id)
    assert df["salesy"].dtype == "float64"
    assert df["salesy_label"].dtype == "bool"
    assert str(df["hard-sell"].dtype).startswith("int")
    assert df.loc[3, "hard-sell"] >= 2


def test_series_index_is_kept():
    pd = pytest.importorskip("pandas")
    s = pd.Series(DRAFTS, index=["a", "b", "c", "d"], name="draft")
    df = postlint.to_pandas(s, threads=2)
    assert list(df.index) == ["a", "b", "c", "d"]
    assert df.loc["a", "salesy_label"]
    assert df.equals(postlint.to_pandas(s.tolist()).set_axis(s.index))


def test_config_and_empty_input():
    pytest.importorskip("pandas")
    df = postlint.to_pandas(DRAFTS, config={"rules": {"hard-sell": "off"}})
    assert (df["hard-sell"] == 0).all()
    empty = postlint.to_pandas([])
    assert list(empty.columns) == expected_columns() and len(empty) == 0
    with pytest.raises(postlint.ConfigError):
        postlint.to_pandas(DRAFTS, config={"rules": {"nope": "off"}})


def test_missing_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"postlint\[pandas\]"):
        postlint.to_pandas(DRAFTS)
