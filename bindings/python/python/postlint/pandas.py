"""The ``.postlint`` accessor on pandas Series.

``import postlint.pandas`` registers it (``import postlint`` does too when
pandas was imported first)::

    import pandas as pd
    import postlint.pandas

    s = pd.Series(drafts, index=ids)
    s.postlint.scores()        # DataFrame: the four scores, s's index
    s.postlint.analyze()       # DataFrame: postlint.to_pandas(s)
    s.postlint.highlight()     # HTML table of the drafts with marks, paged

Every method takes ``config=`` (the config dict of ``postlint.Linter``).
Needs pandas: ``pip install 'postlint[pandas]'``.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Mapping, Optional

from ._html import render_page
from ._pandas import _import_pandas, frame
from ._postlint import Linter

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["PostlintAccessor", "Highlight"]

_pd = _import_pandas()

DIMENSIONS = ["salesy", "personal", "conversational", "identity_reflecting"]


class Highlight:
    """One page of a Series' drafts, rendered as HTML in Jupyter.

    ``page`` is 1-based; ``pages`` is how many there are. Only the drafts on
    the page are analysed, so paging through a million-row Series is cheap.
    Values that are not a ``str`` (``None``, ``NaN``) are shown as such.
    """

    def __init__(
        self, series: "pandas.Series", linter: Linter, page: int, page_size: int
    ) -> None:
        if isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1:
            raise ValueError(f"page_size must be an int >= 1, got {page_size!r}")
        total = len(series)
        self.pages = max(1, math.ceil(total / page_size))
        if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= self.pages:
            raise ValueError(f"page must be an int from 1 to {self.pages}, got {page!r}")
        self.page = page
        self.page_size = page_size
        self.total = total
        first = (page - 1) * page_size
        part = series.iloc[first : first + page_size]
        values = list(part)
        strs = [v for v in values if isinstance(v, str)]
        reports = iter(linter.analyze_many(strs, threads=1))
        self.rows = [
            (str(label), next(reports) if isinstance(v, str) else None, repr(v))
            for label, v in zip(part.index, values)
        ]
        self.reports = [r for _, r, _ in self.rows if r is not None]
        self._first = first

    def to_html(self) -> str:
        return render_page(self.rows, self._first, self.total, self.page, self.pages)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"<postlint.pandas.Highlight page {self.page} of {self.pages}, {self.total} rows>"


@_pd.api.extensions.register_series_accessor("postlint")
class PostlintAccessor:
    """``series.postlint``: postlint on a Series of drafts (str)."""

    def __init__(self, series: "pandas.Series") -> None:
        self._series = series

    def analyze(
        self,
        *,
        config: Optional[Mapping[str, Any]] = None,
        threads: Optional[int] = None,
        progress: bool = False,
    ) -> "pandas.DataFrame":
        """``postlint.to_pandas(series)``: scores, labels and per-rule
        diagnostic counts, one row per draft, with the Series' index."""
        return frame(Linter(config), self._series, threads=threads, progress=progress)

    def scores(
        self,
        *,
        config: Optional[Mapping[str, Any]] = None,
        threads: Optional[int] = None,
        progress: bool = False,
    ) -> "pandas.DataFrame":
        """The four scores (float columns), one row per draft, with the
        Series' index."""
        return self.analyze(config=config, threads=threads, progress=progress)[DIMENSIONS]

    def highlight(
        self,
        *,
        config: Optional[Mapping[str, Any]] = None,
        page: int = 1,
        page_size: int = 20,
    ) -> Highlight:
        """The drafts of page ``page`` (1-based, ``page_size`` per page) with
        each diagnostic marked, their scores and diagnostic counts; renders
        as HTML in Jupyter (``.to_html()`` for the string)."""
        return Highlight(self._series, Linter(config), page, page_size)
