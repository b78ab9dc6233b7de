"""The Polars expression plugin: pl.col(...).postlint.scores() / .analyze()."""

from __future__ import annotations

import re
from typing import List

import pytest

import postlint
from conftest import UNICODE_DRAFTS, import_error_without

pl = pytest.importorskip("polars")
import postlint.polars  # noqa: E402

DIMS = ["salesy", "personal", "conversational", "identity_reflecting"]
CONFIG = {"brands": ["Maple Street"], "rules": {"shouting": "off"}, "thresholds": {"salesy": 0.3}}


@pytest.fixture(scope="module")
def texts(corpus) -> List[str]:
    return corpus + UNICODE_DRAFTS + ["", " ", "\ud800 Buy now \udfff"]


def frame(texts: List[str]) -> "pl.DataFrame":
    # Polars stores UTF-8: a lone surrogate becomes U+FFFD, which postlint
    # reads the same way, so offsets agree with the Python string.
    return pl.DataFrame({"text": [re.sub("[\ud800-\udfff]", "\ufffd", t) for t in texts]})


def test_scores_equal_analyze_many(texts):
    df = frame(texts)
    out = df.with_columns(pl.col("text").postlint.scores().alias("s"))
    assert out.schema["s"] == pl.Struct({d: pl.Float64 for d in DIMS})
    got = out["s"].to_list()
    expected = [r.scores.to_dict() for r in postlint.analyze_many(df["text"].to_list())]
    assert got == expected


def test_analyze_has_labels_and_code_point_diagnostics(texts):
    df = frame(texts)
    out = df.select(pl.col("text").postlint.analyze(config=CONFIG))
    schema = out.schema["text"]
    assert [f.name for f in schema.fields] == DIMS + [f"{d}_label" for d in DIMS] + ["diagnostics"]
    diag = dict((f.name, f.dtype) for f in schema.fields)["diagnostics"]
    assert diag == pl.List(
        pl.Struct(
            {
                "rule": pl.String,
                "severity": pl.String,
                "start": pl.Int64,
                "end": pl.Int64,
                "message": pl.String,
                "suggestion": pl.String,
            }
        )
    )
    reports = postlint.Linter(CONFIG).analyze_many(df["text"].to_list())
    rows = out["text"].to_list()
    assert len(rows) == len(reports)
    flagged = 0
    for row, r in zip(rows, reports):
        assert {d: row[d] for d in DIMS} == r.scores.to_dict()
        assert {d: row[f"{d}_label"] for d in DIMS} == r.labels.to_dict()
        assert row["diagnostics"] == [
            {k: d[k] for k in ("rule", "severity", "start", "end", "message", "suggestion")}
            for d in r.to_dict()["diagnostics"]
        ]
        flagged += len(row["diagnostics"])
    assert flagged > 50
    assert not any(d["rule"] == "shouting" for row in rows for d in row["diagnostics"])


def test_offsets_slice_the_polars_string():
    df = pl.DataFrame({"text": UNICODE_DRAFTS})
    rows = df.select(pl.col("text").postlint.analyze())["text"].to_list()
    expected = [[(d.start, d.end) for d in postlint.analyze(t).diagnostics] for t in UNICODE_DRAFTS]
    assert [[(d["start"], d["end"]) for d in row["diagnostics"]] for row in rows] == expected


def test_nulls_stay_null():
    df = pl.DataFrame({"text": ["Buy now!!!", None, "What do you think?", None]})
    out = df.select(
        pl.col("text").postlint.scores().alias("s"), pl.col("text").postlint.analyze().alias("a")
    )
    assert out["s"].is_null().to_list() == [False, True, False, True]
    assert out["a"].is_null().to_list() == [False, True, False, True]
    assert out["s"][0] == postlint.analyze("Buy now!!!").scores.to_dict()
    all_null = pl.DataFrame({"text": pl.Series([None, None], dtype=pl.String)})
    assert all_null.select(pl.col("text").postlint.scores())["text"].is_null().all()


def test_config_is_checked_when_the_expression_is_built():
    with pytest.raises(postlint.ConfigError) as e:
        pl.col("text").postlint.scores(config={"thresholds": {"salesy": 2}})
    assert e.value.key == "thresholds.salesy"
    df = pl.DataFrame({"text": ["Visit Maple Street today", "HUGE SALE!!! BUY NOW"]})
    a = df.select(pl.col("text").postlint.analyze(config=CONFIG))["text"].to_list()
    b = postlint.Linter(CONFIG).analyze_many(df["text"].to_list())
    assert [r["salesy_label"] for r in a] == [r.labels.salesy for r in b]


def test_lazy_streaming_and_many_chunks(texts):
    df = frame(texts)
    big = pl.concat([df] * 20, rechunk=False)
    eager = big.with_columns(pl.col("text").postlint.scores().alias("s"))
    lazy = big.lazy().with_columns(pl.col("text").postlint.scores().alias("s"))
    assert lazy.collect(engine="streaming").equals(eager)
    assert lazy.collect().equals(eager)
    grouped = (
        big.with_row_index()
        .with_columns((pl.col("index") % 3).alias("g"))
        .group_by("g", maintain_order=True)
        .agg(pl.col("text").postlint.scores().struct.field("salesy").mean())
    )
    assert grouped.height == 3


def test_errors_are_polars_errors_not_crashes():
    df = pl.DataFrame({"n": [1, 2]})
    with pytest.raises(pl.exceptions.ComputeError, match="expected a String column"):
        df.select(pl.col("n").postlint.scores())
    empty = pl.DataFrame({"text": pl.Series([], dtype=pl.String)})
    assert empty.select(pl.col("text").postlint.analyze()).height == 0


def test_version_check_names_the_supported_range():
    low, high = postlint.polars.SUPPORTED_POLARS
    postlint.polars.check_version(pl.__version__)
    for bad in ("0.20.31", high, "99.0.0"):
        with pytest.raises(ImportError, match=rf"supports polars >={low},<{high}.*{bad}"):
            postlint.polars.check_version(bad)


def test_missing_polars_names_the_extra():
    assert "postlint[polars]" in import_error_without(["polars"], "import postlint.polars")
