"""``postlint.to_pandas``: the optional pandas integration."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional

from ._postlint import Linter

if TYPE_CHECKING:  # pragma: no cover
    import pandas

_MISSING = (
    "postlint.to_pandas needs pandas, which is an optional extra: "
    "install it with `pip install 'postlint[pandas]'` (or `pip install pandas`)"
)


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError(_MISSING, name="pandas") from e
    return pandas


def to_pandas(
    texts: Iterable[str],
    *,
    config: Optional[Mapping[str, Any]] = None,
    threads: Optional[int] = None,
) -> "pandas.DataFrame":
    pd = _import_pandas()
    index = texts.index if isinstance(texts, pd.Series) else None
    columns = Linter(config)._table(texts, threads=threads)
    frame = pd.DataFrame(columns, index=index)
    if index is None:
        frame.index = pd.RangeIndex(len(frame))
    return frame
