#!/usr/bin/env bash
# Runs the cargo-fuzz targets one after another (never in parallel: one core
# each is plenty and the machine has two), each for SECONDS, starting from the
# committed seeds in fuzz/seeds/<target>/ plus whatever fuzz/corpus/<target>/
# has gathered. Installs nightly and cargo-fuzz when missing.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 30 s, all targets)
#
# FUZZ_SEED=N fixes libFuzzer's random seed: CI uses it so that a run from
# the committed seeds explores the same inputs every time (a regression in
# them fails; a fresh find does not make CI flaky). Long local runs leave it
# unset to explore.
#
# A crash stops the script with a non-zero exit; libFuzzer saves the input
# under fuzz/artifacts/<target>/ and prints how to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tokenize analyze config batch)
fi

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
cd fuzz
cargo +nightly fuzz build -O
mkdir -p target
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  log="target/fuzz-$t.log"
  printf '\n--> fuzz %s for %ss (log: fuzz/%s)\n' "$t" "$seconds" "$log"
  # stderr stays open (the batch parser's per-line messages go to the log
  # too): closing it would also hide the panic message of a crash.
  if cargo +nightly fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 \
    ${FUZZ_SEED:+-seed="$FUZZ_SEED"} >"$log" 2>&1; then
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  else
    grep -v '^postlint: line ' "$log" | grep -B2 -A12 -m1 'panicked' >&2 || true
    tail -n 30 "$log" >&2
    echo "fuzz target $t failed; the input is under fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
