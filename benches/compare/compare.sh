#!/usr/bin/env bash
# Side-by-side throughput of postlint and the tools people would otherwise
# use, in one run on the same texts (default ../shared/data/vader_tweets.jsonl):
#   full analysis: postlint CLI `batch`, Python `analyze_many(threads=1)` and
#                  native Rust  vs  vaderSentiment polarity_scores;
#   tokenizer:     postlint's tokenizer (native)  vs  NLTK TweetTokenizer.
# Installs its peers, maturin and the postlint wheel into its own venv
# (benches/compare/.venv); needs only the package registries.
# Usage: bash benches/compare/compare.sh [FILE.jsonl] [--rounds N]
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${POSTLINT_COMPARE_VENV:-$HERE/.venv}"

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9,<2" "vaderSentiment==3.3.2" "nltk>=3.8,<4"

cd "$ROOT"
cargo build --quiet --release -p postlint-cli
cargo bench --quiet -p postlint --bench compare_native --no-run 2>/dev/null
WHEELS="$(mktemp -d)"
trap 'rm -rf "$WHEELS"' EXIT
"$VENV/bin/maturin" build --release --quiet -m bindings/python/Cargo.toml \
    --out "$WHEELS" --interpreter "$PY"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall \
    --no-deps "$WHEELS"/postlint-*.whl

"$PY" "$HERE/compare.py" --root "$ROOT" "$@"
