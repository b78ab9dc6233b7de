#!/usr/bin/env bash
# Complexity check: analysis work grows linearly with the draft, on the
# shapes that break naive linters (a long run of punctuation, one giant word,
# 100k hashtags, 100k URLs, a phrase matched over and over, emoji sequences,
# many prices, self-praise in a personal draft, ...).
#
# Each shape (examples/adversarial.rs) is analysed under valgrind at 1x and
# 10x its size; the count of instructions executed, less the fixed cost of an
# empty draft, must grow at most LIMIT times (default 12: linear plus slack
# for the n log n sorts). Instruction counts are deterministic, unlike time,
# so this never flakes on a busy machine. Installs valgrind when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

limit="${LIMIT:-12}"
if ! command -v valgrind >/dev/null 2>&1; then
  apt-get update && apt-get install -y valgrind
fi
cargo build --release -p postlint --example adversarial
bin=target/release/examples/adversarial

# Instructions executed by one run.
instructions() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$bin" "$@" 2>&1 >/dev/null | awk '/I +refs/ { gsub(",", "", $NF); print $NF }'
}

# Unit counts at 1x; 10x is ten times that. Hashtags and URLs reach 100k.
declare -A size=([hashtags]=10000 [urls]=10000 [mentions]=10000 [punctuation]=50000)
default_size=2000

passed=0
failed=0
printf '%-14s %10s %16s %16s %7s\n' shape units "instr 1x" "instr 10x" ratio
for shape in $("$bin" --list); do
  n="${size[$shape]:-$default_size}"
  base=$(instructions "$shape" 0)
  one=$(instructions "$shape" "$n")
  ten=$(instructions "$shape" $((n * 10)))
  ratio=$(awk -v b="$base" -v o="$one" -v t="$ten" 'BEGIN { printf "%.2f", (t - b) / (o - b) }')
  verdict=ok
  if awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r > l) }'; then
    verdict="FAIL (more than ${limit}x)"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  printf '%-14s %10s %16s %16s %7s  %s\n' "$shape" "$n" $((one - base)) $((ten - base)) "$ratio" "$verdict"
done
echo "complexity: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
