// Paths and loaders shared by the tests. Everything is relative to this
// file: <repo>/bindings/wasm/tests/, with the shared data in <repo>/../shared.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const testsDir = path.dirname(fileURLToPath(import.meta.url));
export const bindingDir = path.resolve(testsDir, "..");
export const repoDir = path.resolve(bindingDir, "../..");
export const sharedDir = process.env.POSTLINT_SHARED ?? path.resolve(repoDir, "../shared");
export const pkgDir = path.join(bindingDir, "pkg");
export const outputDir = path.join(bindingDir, "test-output");

if (!fs.existsSync(path.join(pkgDir, "package.json"))) {
  throw new Error(`${pkgDir} is missing: run bindings/wasm/scripts/build.sh first`);
}

export function readJsonl(file) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line));
}

/** True when UTF-16 offset `i` of `s` falls inside a surrogate pair. */
export function splitsPair(s, i) {
  if (i <= 0 || i >= s.length) return false;
  const hi = s.charCodeAt(i - 1);
  const lo = s.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}
