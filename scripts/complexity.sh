#!/usr/bin/env bash
# Complexity check: analysis work grows linearly with the draft, on the
# shapes that break naive linters (a long run of punctuation, one giant word,
# 100k hashtags, 100k URLs, a phrase matched over and over, emoji sequences,
# many prices, self-praise in a personal draft, ...), and so does the CLI's
# human report on a draft with thousands of findings.
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
cargo build --release -p postlint-cli
adversarial=target/release/examples/adversarial
cli=target/release/postlint
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Instructions executed by one command.
instructions() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$@" 2>&1 >/dev/null | awk '/I +refs/ { gsub(",", "", $NF); print $NF }'
}

passed=0
failed=0
# report SHAPE N BASE ONE TEN: prints a row and counts the verdict.
report() {
  local ratio verdict=ok
  ratio=$(awk -v b="$3" -v o="$4" -v t="$5" 'BEGIN { printf "%.2f", (t - b) / (o - b) }')
  if awk -v r="$ratio" -v l="$limit" 'BEGIN { exit !(r > l) }'; then
    verdict="FAIL (more than ${limit}x)"
    failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  printf '%-14s %10s %16s %16s %7s  %s\n' "$1" "$2" $(($4 - $3)) $(($5 - $3)) "$ratio" "$verdict"
}

printf '%-14s %10s %16s %16s %7s\n' shape units "instr 1x" "instr 10x" ratio
# Unit counts at 1x; 10x is ten times that. Hashtags and URLs reach 100k.
declare -A size=([hashtags]=10000 [urls]=10000 [mentions]=10000 [punctuation]=50000)
for shape in $("$adversarial" --list); do
  n="${size[$shape]:-2000}"
  report "$shape" "$n" \
    "$(instructions "$adversarial" "$shape" 0)" \
    "$(instructions "$adversarial" "$shape" "$n")" \
    "$(instructions "$adversarial" "$shape" $((n * 10)))"
done

# The CLI's human report: a finding per line, and thousands on one line.
draft() { # SHAPE N FILE
  awk -v n="$2" -v shape="$1" 'BEGIN {
    for (i = 0; i < n; i++) printf "%s", "Buy now! 50% off #sale" (shape == "check-lines" ? "\n" : " ")
  }' >"$3"
}
for shape in check-lines check-one-line; do
  n=2000
  for k in 0 1 10; do draft "$shape" $((n * k)) "$tmp/$k"; done
  report "$shape" "$n" \
    "$(instructions "$cli" check "$tmp/0")" \
    "$(instructions "$cli" check "$tmp/1")" \
    "$(instructions "$cli" check "$tmp/10")"
done

echo "complexity: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
