#!/usr/bin/env bash
# Runs bench.py in its own venv: builds and installs the postlint wheel
# (release), installs vaderSentiment and pandas from PyPI. Any arguments go
# to bench.py (e.g. another JSONL file, --repeat N).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"     # bindings/python/bench
PKG="$(cd "$HERE/.." && pwd)"                             # bindings/python
PYTHON="${PYTHON:-python3}"
VENV="${POSTLINT_BENCH_VENV:-$HERE/.venv}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check "maturin>=1.9,<2" vaderSentiment pandas "dask[dataframe,distributed]" "polars>=1.34,<2.2"

WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
"$VENV/bin/maturin" build --release --quiet -m "$PKG/Cargo.toml" --out "$WHEELS" --interpreter "$PY"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/postlint-*.whl

cd "$HERE"
"$PY" "$HERE/bench.py" "$@"
