"""The ``.postlint`` expression namespace for Polars.

``import postlint.polars`` registers it::

    import polars as pl
    import postlint.polars

    df.with_columns(pl.col("text").postlint.scores())    # struct of 4 Float64
    df.with_columns(pl.col("text").postlint.analyze(config={"brands": ["Acme"]}))

``scores()`` gives a struct column ``{salesy, personal, conversational,
identity_reflecting}`` (Float64). ``analyze()`` adds the four labels
(``salesy_label``, ..., Boolean) and ``diagnostics``: a list of structs
``{rule, severity, start, end, message, suggestion}`` whose ``start``/``end``
are code-point offsets into the text. Nulls stay null. The analysis runs in
Rust inside this package's extension module (a Polars plugin), in parallel,
with one linter per query; it works in lazy and streaming queries too.

Needs a supported polars: ``pip install 'postlint[polars]'``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Tuple

from . import _postlint
from ._optional import require
from ._postlint import Linter

if TYPE_CHECKING:  # pragma: no cover
    import polars

__all__ = ["PostlintExpr", "SUPPORTED_POLARS"]

#: The polars versions this plugin was built and tested for: [low, high).
SUPPORTED_POLARS: Tuple[str, str] = ("1.34.0", "2.2.0")
_SUPPORTED_TEXT = f">={SUPPORTED_POLARS[0]},<{SUPPORTED_POLARS[1]}"

_pl = require(
    "polars", feature="postlint.polars", extra="polars", install=f"polars{_SUPPORTED_TEXT}"
)


def _version(v: str) -> Tuple[int, ...]:
    parts = []
    for piece in v.split(".")[:3]:
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def check_version(version: str) -> None:
    """Raises ImportError unless ``version`` is a supported polars version."""
    low, high = (_version(v) for v in SUPPORTED_POLARS)
    if not low <= _version(version) < high:
        raise ImportError(
            f"postlint.polars supports polars {_SUPPORTED_TEXT}, but polars {version} is "
            "installed; the plugin speaks the plugin ABI of those versions only. Install a "
            f"supported one: `pip install 'polars{_SUPPORTED_TEXT}'` "
            "(or `pip install 'postlint[polars]'`)",
            name="polars",
        )


check_version(_pl.__version__)

from polars.plugins import register_plugin_function  # noqa: E402

_LIB = Path(_postlint.__file__)


def _kwargs(config: Optional[Mapping[str, Any]]) -> dict:
    # Validated here, so a bad config fails when the expression is built,
    # with the same ConfigError as everywhere; the plugin gets canonical JSON.
    if config is None:
        return {"config": None}
    return {"config": json.dumps(Linter(config).config)}


@_pl.api.register_expr_namespace("postlint")
class PostlintExpr:
    """``expr.postlint``: postlint on a String expression."""

    def __init__(self, expr: "polars.Expr") -> None:
        self._expr = expr

    def _call(self, function: str, config: Optional[Mapping[str, Any]]) -> "polars.Expr":
        return register_plugin_function(
            plugin_path=_LIB,
            function_name=function,
            args=self._expr,
            kwargs=_kwargs(config),
            is_elementwise=True,
        )

    def scores(self, *, config: Optional[Mapping[str, Any]] = None) -> "polars.Expr":
        """A struct of the four scores (Float64) per text; null for null."""
        return self._call("scores", config)

    def analyze(self, *, config: Optional[Mapping[str, Any]] = None) -> "polars.Expr":
        """A struct of the four scores, the four labels and the diagnostics
        (list of ``{rule, severity, start, end, message, suggestion}``, offsets
        in code points) per text; null for null."""
        return self._call("analyze", config)
