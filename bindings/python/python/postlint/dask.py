"""postlint on Dask: the ``to_pandas`` frame, computed partition by partition.

::

    import dask.dataframe as dd
    import postlint.dask

    ddf = dd.read_parquet("drafts/")                 # a "text" column
    result = postlint.dask.analyze(ddf, column="text", config={"brands": ["Acme"]})
    ddf.join(result).to_parquet("scored/")

The result has exactly the columns and dtypes of ``postlint.to_pandas`` and
the input's index and partitions. Its ``meta`` is given, so building the
graph computes nothing. The linter is built once, on the client (a bad
config fails here, not on a worker), and is pickled to the workers with its
configuration. Needs Dask: ``pip install 'postlint[dask]'``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping, Optional

from ._optional import require
from ._pandas import frame
from ._postlint import Linter

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe
    import pandas

__all__ = ["analyze"]

_dd = require(
    "dask.dataframe", feature="postlint.dask", extra="dask", install="dask[dataframe]"
)


def _partition(part: "pandas.Series", linter: Linter, threads: Optional[int]) -> "pandas.DataFrame":
    return frame(linter, part, threads=threads)


def analyze(
    data: "dask.dataframe.DataFrame | dask.dataframe.Series",
    column: str = "text",
    config: Optional[Mapping[str, Any]] = None,
    *,
    threads: Optional[int] = 1,
) -> "dask.dataframe.DataFrame":
    """Analyse a Dask Series of drafts, or the ``column`` of a Dask DataFrame.

    Returns a lazy Dask DataFrame with one row per draft (same index and
    partitions as ``data``) and the columns and dtypes of
    ``postlint.to_pandas``. ``threads`` is per partition: 1 by default,
    since Dask already runs partitions in parallel.
    """
    if isinstance(data, _dd.DataFrame):
        if column not in data.columns:
            raise KeyError(f"column {column!r} not in the frame (columns: {list(data.columns)})")
        series = data[column]
    elif isinstance(data, _dd.Series):
        series = data
    else:
        raise TypeError(
            f"data must be a dask DataFrame or Series, not {type(data).__name__} "
            "(for pandas use postlint.to_pandas)"
        )
    linter = Linter(config)
    meta = frame(linter, series._meta)
    return series.map_partitions(_partition, linter, threads, meta=meta)
