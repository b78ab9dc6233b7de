#!/usr/bin/env bash
# Builds the npm package `postlint` into bindings/wasm/pkg/:
#   pkg/web      wasm-bindgen --target web      (<script type="module">, init())
#   pkg/node     wasm-bindgen --target nodejs   (require / import in Node)
#   pkg/bundler  wasm-bindgen --target bundler  (webpack & co.)
# each wrapped by js/shell.js, optimised with wasm-opt -Oz --converge (npm binaryen), and
# a package.json whose "exports" picks the right build. Also copies the web
# build to demo/pkg/ for the demo page.
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen at the Cargo.lock
# version and `npm ci` done in bindings/wasm (scripts/test.sh sees to all
# three). Works from any directory.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"

echo "build.sh: cargo build (profile wasm-release, wasm32-unknown-unknown)" >&2
cargo build --profile wasm-release --target wasm32-unknown-unknown -p postlint-wasm
WASM="$TARGET_DIR/wasm32-unknown-unknown/wasm-release/postlint_wasm.wasm"

WASM_OPT="$HERE/node_modules/.bin/wasm-opt"
if [ ! -x "$WASM_OPT" ]; then
  echo "build.sh: $WASM_OPT missing: run npm ci in $HERE first" >&2
  exit 1
fi
# The features rustc enables by default for wasm32-unknown-unknown.
FEATURES=(--enable-bulk-memory --enable-multivalue --enable-mutable-globals
  --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext)

OUT="$HERE/pkg"
rm -rf "$OUT"
mkdir -p "$OUT"
declare -A OPTIMISED=() # sha256 of wasm-bindgen's output -> optimised file
for spec in web:web node:nodejs bundler:bundler; do
  dir="${spec%%:*}"
  target="${spec##*:}"
  echo "build.sh: wasm-bindgen --target $target -> pkg/$dir" >&2
  wasm-bindgen --target "$target" --out-dir "$OUT/$dir" --out-name postlint_wasm "$WASM"
  bg="$OUT/$dir/postlint_wasm_bg.wasm"
  sum="$(sha256sum "$bg" | cut -d' ' -f1)"
  if [ -n "${OPTIMISED[$sum]:-}" ]; then
    cp "${OPTIMISED[$sum]}" "$bg" # same module as an earlier target
  else
    echo "build.sh: wasm-opt -Oz pkg/$dir/postlint_wasm_bg.wasm" >&2
    # --converge repeats -Oz until the module stops shrinking (about 20 s
    # more); --low-memory-unused lets loads and stores fold constant offsets
    # since rustc's wasm32 layout never touches the first KiB (the stack
    # grows down towards it from 1 MiB). Together 1.4 KB gzip smaller.
    "$WASM_OPT" -Oz --converge --low-memory-unused "${FEATURES[@]}" \
      --strip-debug --strip-producers --strip-target-features "$bg" -o "$bg.opt"
    mv "$bg.opt" "$bg"
    OPTIMISED[$sum]="$bg"
  fi
done

node "$HERE/scripts/assemble.mjs"

raw=$(wc -c <"$OUT/web/postlint_wasm_bg.wasm")
gz=$(gzip -9 -c "$OUT/web/postlint_wasm_bg.wasm" | wc -c)
echo "build.sh: done: pkg/ ($raw bytes of wasm, $gz gzipped)" >&2
