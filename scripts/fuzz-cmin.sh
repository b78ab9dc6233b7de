#!/usr/bin/env bash
# Folds the corpus an exploring run grew (scripts/fuzz.sh with FUZZ_CORPUS)
# into the committed seeds: for each target, the seeds plus the grown corpus
# are minimised with `cargo fuzz cmin` (libFuzzer's set-cover merge: a small
# set of inputs that keeps every coverage feature) and replace
# fuzz/seeds/<target>/. Seeds named issue*
# or regression* (kept crash inputs) stay whatever cmin decides.
#
#   bash scripts/fuzz-cmin.sh CORPUS_DIR [TARGET...]   (default: all targets)
#
# Inputs longer than FUZZ_MAX_LEN (default 1024) bytes are left out, to keep
# the committed seeds small.
set -euo pipefail
cd "$(dirname "$0")/.."

grown="${1:?usage: scripts/fuzz-cmin.sh CORPUS_DIR [TARGET...]}"
shift
case "$grown" in /*) ;; *) grown="$PWD/$grown" ;; esac
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(tokenize analyze draft config batch tokens length fixes)
fi
sanitizer="${FUZZ_SANITIZER:-none}"
max_len="${FUZZ_MAX_LEN:-1024}"

cd fuzz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in "${targets[@]}"; do
  mkdir -p "$work/$t" "$work/keep-$t" "seeds/$t"
  find "seeds/$t" -maxdepth 1 -type f \( -name 'issue*' -o -name 'regression*' \) \
    -exec cp {} "$work/keep-$t/" \;
  find "seeds/$t" "$grown/$t" -maxdepth 1 -type f -size -"$((max_len + 1))"c \
    -exec cp {} "$work/$t/" \; 2>/dev/null || true
  before=$(find "$work/$t" -type f | wc -l)
  cargo +nightly fuzz cmin -O -s "$sanitizer" "$t" "$work/$t" -- -set_cover_merge=1 -max_len="$max_len" \
    >"target/cmin-$t.log" 2>&1
  rm -rf "seeds/$t"
  mkdir -p "seeds/$t"
  cp "$work/$t"/* "seeds/$t/" 2>/dev/null || true
  cp "$work/keep-$t"/* "seeds/$t/" 2>/dev/null || true
  printf '%s: %s inputs -> %s seeds, %s\n' "$t" "$before" \
    "$(find "seeds/$t" -type f | wc -l)" "$(du -sh "seeds/$t" | cut -f1)"
done
