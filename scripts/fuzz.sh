#!/usr/bin/env bash
# Runs the cargo-fuzz targets, each for SECONDS, starting from the committed
# seeds in fuzz/seeds/<target>/ plus whatever the corpus folder has gathered.
# Installs nightly and cargo-fuzz when missing.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 30 s, all targets)
#
# Two modes, chosen by FUZZ_SEED:
# - replay (CI): FUZZ_SEED=1 bash scripts/fuzz.sh 30
#   A fixed libFuzzer seed: a run from the committed seeds explores the same
#   inputs every time, so a regression in them fails and a fresh find never
#   makes CI flaky.
# - exploring (unset FUZZ_SEED, or empty): a random seed each run, e.g.
#   FUZZ_CORPUS=/tmp/fresh FUZZ_JOBS=2 nice -n 10 bash scripts/fuzz.sh 1800
#   gives every target 30 minutes, two targets at a time, from the seeds
#   plus an empty corpus. The grown corpus is then minimised into the seeds:
#   cd fuzz && cargo +nightly fuzz cmin -O -s none TARGET DIR
#
# Other settings (environment):
#   FUZZ_CORPUS=DIR      corpus folder, one sub-folder per target
#                        (default fuzz/corpus; git ignores it)
#   FUZZ_JOBS=N          targets run at once (default 1; the machine has 2
#                        cores, so at most 2)
#   FUZZ_SANITIZER=S     cargo-fuzz sanitizer (default none: the code under
#                        test has no `unsafe`, and without AddressSanitizer a
#                        target runs several times faster; `address` works too)
#   FUZZ_MAX_LEN=N       longest input in bytes (default 8192)
#
# Each target's libFuzzer log is fuzz/target/fuzz-<target>.log; its final
# stats (executions, exec/s, peak memory) are printed and appended, one line
# per run, to fuzz/target/fuzz-runs.tsv. A crash stops the script with a
# non-zero exit; libFuzzer saves the input under fuzz/artifacts/<target>/ and
# prints how to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tokenize analyze draft config batch tokens length fixes)
fi
parallel="${FUZZ_JOBS:-1}"
sanitizer="${FUZZ_SANITIZER:-none}"
max_len="${FUZZ_MAX_LEN:-8192}"
corpus="${FUZZ_CORPUS:-fuzz/corpus}"
case "$corpus" in /*) ;; *) corpus="$PWD/$corpus" ;; esac

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked

export CARGO_BUILD_JOBS="${CARGO_BUILD_JOBS:-1}"
cd fuzz
cargo +nightly fuzz build -O -s "$sanitizer"
mkdir -p target
if [ -n "${FUZZ_SEED:-}" ]; then
  mode="replay (seed $FUZZ_SEED)"
else
  mode="exploring (random seed)"
fi

# Runs one target; prints its final stats, or the crash and exits non-zero.
run() {
  local t="$1" log="target/fuzz-$1.log"
  mkdir -p "$corpus/$t" "seeds/$t"
  printf -- '--> fuzz %s for %ss, %s (log: fuzz/%s)\n' "$t" "$seconds" "$mode" "$log"
  local began=$SECONDS
  # stderr stays open (the batch parser's per-line messages go to the log
  # too): closing it would also hide the panic message of a crash.
  if cargo +nightly fuzz run -O -s "$sanitizer" "$t" "$corpus/$t" "seeds/$t" -- \
    -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 \
    ${FUZZ_SEED:+-seed="$FUZZ_SEED"} >"$log" 2>&1; then
    local runs rate rss
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
    printf '    %s: %s executions in %ss (%s exec/s, peak %s MB), no crash\n' \
      "$t" "$runs" "$((SECONDS - began))" "$rate" "$rss"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$mode" \
      "$((SECONDS - began))" "$runs" "$rate" "$rss" >>target/fuzz-runs.tsv
  else
    grep -v '^postlint: line ' "$log" | grep -B2 -A12 -m1 'panicked' >&2 || true
    tail -n 30 "$log" >&2
    echo "fuzz target $t failed; the input is under fuzz/artifacts/$t/" >&2
    return 1
  fi
}

pids=()
for t in "${targets[@]}"; do
  if [ "$parallel" -le 1 ]; then
    run "$t"
    continue
  fi
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n || exit 1
  done
  run "$t" &
  pids+=($!)
done
for p in "${pids[@]}"; do
  wait "$p" || exit 1
done
