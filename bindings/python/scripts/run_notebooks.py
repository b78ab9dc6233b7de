"""Executes every notebook in bindings/python/examples top to bottom (nbclient).

Run from any directory with the venv's Python; fails on the first cell that
raises. Figures go to $POSTLINT_FIGURES (default examples/figures/).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> int:
    notebooks = sorted(EXAMPLES.glob("*.ipynb"))
    if not notebooks:
        print(f"no notebooks in {EXAMPLES}", file=sys.stderr)
        return 1
    for path in notebooks:
        started = time.perf_counter()
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
        )
        client.execute()
        print(f"{path.name}: {len(nb.cells)} cells ran in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
