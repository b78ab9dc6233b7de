#!/usr/bin/env bash
# Every test of the project, on a fresh machine: formatting, lints, the Rust
# unit/integration/property tests, the held-out accuracy floors, the
# robustness checks (a 50 MB batch line, linear complexity under valgrind,
# licences and bans, a bounded fuzz run of every target), then the Python and
# WebAssembly bindings (each script installs what it needs).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain components"
rustup component add rustfmt clippy >/dev/null 2>&1 || true

step "cargo fmt --all --check"
cargo fmt --all --check

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

step "cargo test --workspace"
cargo test --workspace

step "release CLI for the cross-binding consistency tests"
cargo build --release -p postlint-cli
export POSTLINT_BIN="$PWD/target/release/postlint"

step "lexicon audit: no lexicon or rule phrase from only one writer's drafts"
python3 -m unittest discover -s scripts -p 'test_*.py'
python3 scripts/lexicon-audit.py ../shared

step "corpus overlap: no test, example or seed borrows a writer's or a data set's wording"
python3 scripts/corpus-overlap.py ../shared

step "held-out accuracy floors and the model retrains byte for byte (release build)"
cargo test --release -p postlint --test accuracy -- --ignored

step "batch: a 50 MB line (release build)"
cargo test --release -p postlint-cli --test batch_robustness -- --ignored

step "complexity: 1x vs 10x adversarial drafts under valgrind"
bash scripts/complexity.sh

step "supply chain: cargo deny check licenses bans sources"
bash scripts/deny.sh

step "fuzz smoke: each cargo-fuzz target for 30 s"
FUZZ_SEED="${FUZZ_SEED:-1}" bash scripts/fuzz.sh 30

if [ -f bindings/python/scripts/test.sh ]; then
  step "Python binding"
  bash bindings/python/scripts/test.sh
fi

if [ -f bindings/wasm/scripts/test.sh ]; then
  step "WebAssembly binding"
  bash bindings/wasm/scripts/test.sh
fi

step "all tests passed"
