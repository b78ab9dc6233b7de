#!/usr/bin/env bash
# Builds the postlint Python package from this checkout and tests it:
# venv, maturin wheel with every optional extra, pytest (incl. the
# cross-check against the Rust CLI, Dask on a 2-process cluster), the example
# notebooks (nbclient), stubtest of the shipped stubs, and a mypy check of a
# typed usage file against them.
# Works from any directory and on a fresh machine (needs Python 3.9+, cargo,
# and PyPI). Set PYTHON to choose the interpreter; POSTLINT_BIN to test
# against an already built CLI.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # bindings/python
REPO="$(cd "$HERE/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${POSTLINT_PY_VENV:-$HERE/.venv}"
EXTRAS="pandas,progress,dask,plot,polars"

step() { printf '\n== %s\n' "$*"; }

step "venv at $VENV"
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9,<2" pytest hypothesis "mypy>=2.4,<2.5" "dask[distributed]" nbclient ipykernel

step "build the CLI and the wheel (release)"
cd "$REPO"
# The CLI and the extension are built from the same tree, so the
# cross-binding test compares like with like.
if [ -z "${POSTLINT_BIN:-}" ]; then
    cargo build --release --quiet -p postlint-cli
    TARGET_DIR="$(cargo metadata --format-version 1 --no-deps \
        | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
    export POSTLINT_BIN="$TARGET_DIR/release/postlint"
fi
WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
"$VENV/bin/maturin" build --release --quiet -m "$HERE/Cargo.toml" --out "$WHEELS" \
    --interpreter "$PY"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
    "$WHEELS"/postlint-*.whl
# The optional extras, as the README installs them (their metadata is tested
# too); already-satisfied requirements make this quick on a second run.
WHEEL="$(ls "$WHEELS"/postlint-*.whl)"
"$PY" -m pip install --quiet --disable-pip-version-check "$WHEEL[$EXTRAS]"

step "pytest"
# Run from a neutral directory so `import postlint` is the installed wheel.
cd "$HERE/tests"
"$PY" -m pytest -q -p no:cacheprovider "$HERE/tests"

step "example notebooks (nbclient, top to bottom)"
# Figures go to a scratch folder, not into the checkout.
POSTLINT_FIGURES="$(mktemp -d)" "$PY" "$HERE/scripts/run_notebooks.py"

step "stubtest (the shipped stubs against the installed extension)"
# Every name, signature and class in _postlint.pyi must match the runtime;
# the allowlist names the stub-only aliases, each with its reason. PEP 800's
# @disjoint_base is not required: type checkers before 2025 reject it.
"$PY" -m mypy.stubtest postlint --mypy-config-file "$HERE/pyproject.toml" \
    --allowlist "$HERE/stubtest-allowlist.txt" --ignore-disjoint-bases

step "mypy (typed usage against the stubs)"
"$PY" -m mypy --strict --no-incremental --cache-dir=/dev/null "$HERE/tests/typecheck/usage.py"
