"""postlint.plot: figures of a to_pandas frame."""

from __future__ import annotations


import pytest

import postlint
from conftest import import_error_without

pytest.importorskip("matplotlib")
pytest.importorskip("pandas")
import postlint.plot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

DIMS = ["salesy", "personal", "conversational", "identity_reflecting"]


@pytest.fixture(scope="module")
def df(corpus):
    return postlint.to_pandas(corpus)


def test_scores_has_a_panel_per_dimension_with_its_threshold(df, tmp_path):
    config = {"thresholds": {"salesy": 0.7}}
    fig = postlint.plot.scores(df, config=config)
    assert isinstance(fig, Figure)
    axes = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title().split(":")[0] for ax in axes] == DIMS
    for ax, dim in zip(axes, DIMS):
        (line,) = ax.get_lines()
        expected = 0.7 if dim == "salesy" else 0.5
        assert list(line.get_xdata()) == [expected, expected]
        share = (df[dim] >= expected).mean()
        assert f"{share:.1%} of {len(df):,}" in ax.get_title()
        # The histogram counts every draft.
        assert sum(p.get_height() for p in ax.patches) == len(df)
    fig.savefig(tmp_path / "scores.png")
    assert (tmp_path / "scores.png").stat().st_size > 10_000


def test_rules_bars_are_shares_coloured_by_severity(df, tmp_path):
    config = {"rules": {"shouting": "off", "needy": "error"}}
    fig = postlint.plot.rules(df, config=config)
    (ax,) = fig.axes
    labels = [t.get_text() for t in ax.get_yticklabels()]
    expected_ids = {r.id for r in postlint.rules()} - {"shouting"}
    assert set(labels) == expected_ids
    widths = {label: bar.get_width() for label, bar in zip(labels, ax.patches)}
    for rid in expected_ids:
        assert widths[rid] == pytest.approx((df[rid] > 0).mean())
    assert [widths[label] for label in labels] == sorted(widths.values())
    needy = ax.patches[labels.index("needy")]
    assert needy.get_facecolor()[:3] == pytest.approx((0xDC / 255, 0x26 / 255, 0x26 / 255))
    counts = {t.get_text() for t in ax.texts}
    assert f"{int(df['hard-sell'].sum()):,}" in counts
    fig.savefig(tmp_path / "rules.png")


def test_empty_frame_and_wrong_frame():
    empty = postlint.to_pandas([])
    assert isinstance(postlint.plot.scores(empty), Figure)
    assert isinstance(postlint.plot.rules(empty), Figure)
    import pandas as pd

    with pytest.raises(KeyError, match="postlint.to_pandas"):
        postlint.plot.scores(pd.DataFrame({"x": [1]}))
    with pytest.raises(postlint.ConfigError):
        postlint.plot.rules(empty, config={"rules": {"nope": "off"}})


def test_missing_matplotlib_names_the_extra():
    assert "postlint[plot]" in import_error_without(["matplotlib"], "import postlint.plot")
