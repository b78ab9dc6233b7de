"""Imports of optional dependencies, with an error naming the extra."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, *, feature: str, extra: str, install: str) -> ModuleType:
    """``import module``, or an ImportError saying ``feature`` needs it and
    how to install it (``pip install 'postlint[extra]'`` or ``install``)."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        top = module.split(".")[0]
        raise ImportError(
            f"{feature} needs {top}, an optional extra: install it with "
            f"`pip install 'postlint[{extra}]'` (or `pip install '{install}'`)",
            name=top,
        ) from e
