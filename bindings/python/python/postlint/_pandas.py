"""``postlint.to_pandas``: the optional pandas integration."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Optional

from ._optional import require
from ._postlint import Linter

if TYPE_CHECKING:  # pragma: no cover
    import pandas

def _import_pandas() -> Any:
    return require("pandas", feature="postlint.to_pandas", extra="pandas", install="pandas")


def dtypes(linter: Linter) -> Dict[str, str]:
    """Column name -> dtype of ``to_pandas``'s frame, in column order."""
    columns = linter._table([])
    return {
        name: "float64" if i < 4 else "bool" if i < 8 else "int64"
        for i, name in enumerate(columns)
    }


def frame(
    linter: Linter,
    texts: Iterable[str],
    *,
    threads: Optional[int] = None,
    progress: bool = False,
) -> "pandas.DataFrame":
    """``to_pandas`` with a built linter (also run on Dask workers)."""
    pd = _import_pandas()
    index = texts.index if isinstance(texts, pd.Series) else None
    columns = linter._table(texts, threads=threads, progress=progress)
    # Explicit dtypes: an empty input has them too (Dask's meta relies on it).
    df = pd.DataFrame(columns, index=index).astype(dtypes(linter))
    if index is None:
        df.index = pd.RangeIndex(len(df))
    return df
