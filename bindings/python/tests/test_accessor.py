"""series.postlint: scores(), analyze() and the paged highlight()."""

from __future__ import annotations

from html import escape
import subprocess
import sys

import pytest

import postlint
from conftest import UNICODE_DRAFTS

pd = pytest.importorskip("pandas")
import postlint.pandas  # noqa: E402  (registers the accessor)

DIMS = ["salesy", "personal", "conversational", "identity_reflecting"]


@pytest.fixture(scope="module")
def series(corpus):
    texts = corpus[:300] + UNICODE_DRAFTS
    return pd.Series(texts, index=[f"id{i}" for i in range(len(texts))], name="draft")


def test_analyze_is_to_pandas(series):
    assert series.postlint.analyze().equals(postlint.to_pandas(series))
    config = {"rules": {"hard-sell": "off"}}
    df = series.postlint.analyze(config=config, threads=2)
    assert df.equals(postlint.to_pandas(series, config=config))
    assert (df["hard-sell"] == 0).all()


def test_scores_are_the_four_dimensions(series):
    scores = series.postlint.scores()
    assert list(scores.columns) == DIMS
    assert list(scores.index) == list(series.index)
    assert all(scores[d].dtype == "float64" for d in DIMS)
    reports = postlint.analyze_many(series)
    for (_, row), r in zip(scores.iterrows(), reports):
        assert row.to_dict() == r.scores.to_dict()
    raised = series.postlint.scores(config={"thresholds": {"salesy": 0.9}})
    assert raised.equals(scores)  # thresholds move labels, never scores


def test_bad_config_and_non_str_values(series):
    with pytest.raises(postlint.ConfigError):
        series.postlint.scores(config={"rules": {"nope": "off"}})
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        pd.Series(["Buy now", None]).postlint.scores()


def test_highlight_marks_every_diagnostic(series):
    view = series.postlint.highlight(page_size=len(series))
    html = view._repr_html_()
    assert view.pages == 1 and view.total == len(series)
    marked = sum(1 for r in view.reports if r.diagnostics)
    assert marked > 0
    assert html.count("<mark") >= marked
    # Every draft's index label and (escaped) text are in the table.
    assert all(f">{label}<" in html for label in series.index)
    assert "&lt;" not in series.iloc[0] or "&lt;" in html


def test_highlight_escapes_html():
    s = pd.Series(["<script>alert(1)</script> BUY NOW!!! 50% off"])
    html = s.postlint.highlight().to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_highlight_is_paged_and_analyses_only_the_page():
    n = 200_003
    s = pd.Series(["HUGE SALE!!! Buy now", "Walked the dog today."] * (n // 2) + ["x"])
    view = s.postlint.highlight(page=3, page_size=25)
    assert view.pages == -(-n // 25) and view.page == 3
    assert len(view.rows) == 25 and len(view.reports) == 25
    assert [label for label, _, _ in view.rows] == [str(i) for i in range(50, 75)]
    html = view.to_html()
    assert "rows 51&ndash;75 of 200,003 (page 3 of 8,001)" in html
    assert html.count("<tr") == 26  # header + 25 drafts, not 200,003
    last = s.postlint.highlight(page=view.pages, page_size=25)
    assert len(last.rows) == n % 25 or len(last.rows) == 25
    for bad in (0, view.pages + 1, 1.5, True):
        with pytest.raises(ValueError, match="page must be"):
            s.postlint.highlight(page=bad, page_size=25)
    with pytest.raises(ValueError, match="page_size"):
        s.postlint.highlight(page_size=0)


def test_highlight_shows_missing_values():
    s = pd.Series(["Buy now!!!", None, float("nan")], index=["a", "b", "c"], dtype=object)
    view = s.postlint.highlight()
    assert [r is None for _, r, _ in view.rows] == [False, True, True]
    assert "(not a str: None)" in view.to_html() and "(not a str: nan)" in view.to_html()
    empty = pd.Series([], dtype=object).postlint.highlight()
    assert empty.pages == 1 and "no rows" in empty.to_html()


def test_highlight_spans_index_code_points():
    s = pd.Series(UNICODE_DRAFTS)
    view = s.postlint.highlight(page_size=len(UNICODE_DRAFTS))
    html = view.to_html()
    checked = 0
    for r in view.reports:
        spans = sorted((d.start, d.end) for d in r.diagnostics)
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:])):
            continue  # overlapping marks are split at every boundary
        for start, end in spans:
            assert f">{escape(r.text[start:end], quote=True)}</mark>" in html
            checked += 1
    assert checked >= 5


def test_import_postlint_registers_when_pandas_is_loaded():
    code = (
        "import pandas as pd, postlint\n"
        "print(pd.Series(['Buy now!!!']).postlint.scores().shape)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "(1, 4)"
    # ... and import postlint alone does not import pandas.
    code = "import sys, postlint\nprint('pandas' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
