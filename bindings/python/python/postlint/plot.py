"""Plots of a ``to_pandas`` frame (matplotlib, an optional extra).

::

    import postlint, postlint.plot

    df = postlint.to_pandas(drafts)
    postlint.plot.scores(df).savefig("scores.png")   # each dimension's distribution
    postlint.plot.rules(df).savefig("rules.png")     # how often each rule fires

Both return a ``matplotlib.figure.Figure`` made without pyplot (no global
state, any backend); in Jupyter, display it or make it the cell's value.
Pass the ``config=`` the frame was made with, so the thresholds and rule
severities drawn are the ones in effect. Needs matplotlib:
``pip install 'postlint[plot]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Mapping, Optional

from ._optional import require
from ._postlint import Linter, rules as _rules

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from matplotlib.figure import Figure

__all__ = ["scores", "rules"]

require("matplotlib", feature="postlint.plot", extra="plot", install="matplotlib")

from matplotlib.figure import Figure as _Figure  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import PercentFormatter  # noqa: E402

DIMENSIONS = ["salesy", "personal", "conversational", "identity_reflecting"]
COLOURS = {
    "salesy": "#e11d48",
    "personal": "#16a34a",
    "conversational": "#2563eb",
    "identity_reflecting": "#9333ea",
}
SEVERITY_COLOURS = {"error": "#dc2626", "warning": "#ca8a04", "info": "#3b82f6"}


def _require(df: "pandas.DataFrame", columns: Any) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(
            f"the frame lacks the columns {missing}; pass the frame of postlint.to_pandas()"
        )


def scores(
    df: "pandas.DataFrame",
    *,
    config: Optional[Mapping[str, Any]] = None,
    bins: int = 20,
) -> "Figure":
    """The distribution of each dimension's score (one panel per dimension),
    with the label threshold marked and the share of drafts at or above it."""
    _require(df, DIMENSIONS)
    thresholds = Linter(config).config["thresholds"]
    fig = _Figure(figsize=(10, 6.5), layout="constrained")
    axes = fig.subplots(2, 2, sharex=True)
    edges = [i / bins for i in range(bins + 1)]
    n = len(df)
    for ax, dim in zip(axes.flat, DIMENSIONS):
        values = df[dim].to_numpy(dtype=float)
        ax.hist(values, bins=edges, color=COLOURS[dim], alpha=0.8)
        t = thresholds[dim]
        share = float((values >= t).mean()) if n else 0.0
        ax.axvline(t, color="black", linestyle="--", linewidth=1.2, label=f"threshold {t:g}")
        ax.set_title(f"{dim}: {share:.1%} of {n:,} at or above {t:g}", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylabel("drafts")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
    for ax in axes[1]:
        ax.set_xlabel("score")
    fig.suptitle("postlint scores")
    return fig


def rules(
    df: "pandas.DataFrame",
    *,
    config: Optional[Mapping[str, Any]] = None,
) -> "Figure":
    """How often each rule fires: the share of drafts with at least one
    diagnostic of the rule, one bar per rule coloured by its severity (rules
    turned off in ``config`` are left out), labelled with the diagnostic
    count."""
    catalogue = _rules()
    _require(df, [r.id for r in catalogue])
    levels = Linter(config).config["rules"]
    severity: Dict[str, str] = {}
    for r in catalogue:
        level = levels.get(r.id, r.default_severity)
        if level != "off":
            severity[r.id] = level
    ids = sorted(severity, key=lambda rid: (df[rid] > 0).mean() if len(df) else 0.0)
    n = len(df)
    shares = [float((df[rid] > 0).mean()) if n else 0.0 for rid in ids]
    totals = [int(df[rid].sum()) for rid in ids]
    fig = _Figure(figsize=(9, 0.38 * len(ids) + 1.6), layout="constrained")
    ax = fig.subplots()
    bars = ax.barh(ids, shares, color=[SEVERITY_COLOURS.get(severity[i], "#6b7280") for i in ids])
    for bar, total in zip(bars, totals):
        ax.annotate(
            f"{total:,}",
            (bar.get_width(), bar.get_y() + bar.get_height() / 2),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set_xlabel(f"share of the {n:,} drafts with the rule's diagnostic (label: diagnostics)")
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1))
    ax.set_xlim(0, max(shares + [0.01]) * 1.15)
    handles = [
        Patch(color=colour, label=sev) for sev, colour in SEVERITY_COLOURS.items() if sev in severity.values()
    ]
    ax.legend(handles=handles, title="severity", loc="lower right", fontsize=8, frameon=False)
    ax.set_title("How often each postlint rule fires")
    return fig

