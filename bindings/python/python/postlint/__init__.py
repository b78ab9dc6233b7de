"""postlint: lint social-media drafts.

Four dimensions are scored in [0, 1] -- how **salesy**, **personal**,
**conversational** and **identity-reflecting** a draft reads -- and a
catalogue of rules (``postlint.rules()``) produces diagnostics with a
message and, where one fits, a suggestion.

>>> import postlint
>>> report = postlint.analyze("HUGE SALE!!! Buy now, 50% off everything, today only!")
>>> report.labels.salesy
True
>>> d = report.diagnostics[0]
>>> report.text[d.start:d.end]  # offsets are Python code points  # doctest: +SKIP
'HUGE SALE'

Offsets (``Diagnostic.start``/``end``, ``Evidence.start``/``end``) index the
Python string by code point, so ``report.text[d.start:d.end]`` is exactly the
flagged text, emoji and all.

Lone surrogates (``"\\ud800"``, which have no UTF-8 form) are read as one
U+FFFD REPLACEMENT CHARACTER each; offsets stay aligned and ``Report.text``
is the original string.

The analysis itself is the Rust ``postlint`` crate; this package converts
types and delegates to it.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterable, Optional

from ._postlint import (
    ConfigError,
    Diagnostic,
    Evidence,
    Fix,
    InternalError,
    Labels,
    Linter,
    Report,
    RuleInfo,
    Scores,
    __version__,
    analyze,
    analyze_many,
    rules,
    tokenize,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

# Scores and Labels implement the read-only mapping protocol in Rust.
Mapping.register(Scores)
Mapping.register(Labels)

# The Series accessor (``series.postlint``) is registered by
# ``import postlint.pandas``; done here too when pandas is already loaded, so
# ``import postlint`` itself never pays for importing pandas.
if sys.modules.get("pandas") is not None:
    from . import pandas as _pandas_accessor  # noqa: F401

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Evidence",
    "Fix",
    "InternalError",
    "Labels",
    "Linter",
    "Report",
    "RuleInfo",
    "Scores",
    "__version__",
    "analyze",
    "analyze_many",
    "rules",
    "to_pandas",
    "tokenize",
]


def to_pandas(
    texts: Iterable[str],
    *,
    config: Optional[Mapping[str, Any]] = None,
    threads: Optional[int] = None,
    progress: bool = False,
) -> "pandas.DataFrame":
    """Analyse ``texts`` into a pandas DataFrame, one row per text.

    Columns, in order: the four scores (``salesy``, ``personal``,
    ``conversational``, ``identity_reflecting``, floats), the four labels
    (``salesy_label``, ..., bools), then one diagnostic count per rule id
    (``hard-sell``, ``urgency``, ..., ints; all rules, always, in
    ``postlint.rules()`` order). When ``texts`` is a pandas Series the frame
    keeps its index.

    ``progress=True`` shows a tqdm progress bar (``pip install
    'postlint[progress]'``).

    Needs pandas: ``pip install 'postlint[pandas]'``.
    """
    from ._pandas import frame

    return frame(Linter(config), texts, threads=threads, progress=progress)
