// Times `Linter.analyze` (the Node build of the package in ../pkg) per draft,
// and the `write-good` npm package on the same drafts, in one run:
//
//   * every draft of the VADER tweets set (shared/data/vader_tweets.jsonl),
//     each timed on its own, several rounds;
//   * one 280-character draft, timed repeatedly;
//   * one 10,000-character draft, timed repeatedly.
//
// Prints median and p99 in microseconds as a Markdown table.
//
//   node bench/bench.mjs [--rounds N] [--json]
//
// Build first (scripts/build.sh). Timing uses process.hrtime.bigint() around
// each call, after a warm-up; single calls of a few microseconds carry about
// 0.1 us of timer overhead. On a shared 2-core machine the p99 column mostly
// measures what else is running; the medians are stable.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const shared = process.env.POSTLINT_SHARED ?? path.resolve(root, "../../../shared");
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 5;
const asJson = args.includes("--json");

const { Linter } = require(path.join(root, "pkg/node/index.cjs"));
const writeGood = require("write-good");

const readJsonl = (file) =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const vader = readJsonl(path.join(shared, "data/vader_tweets.jsonl")).map((r) => r.text);
const dev = readJsonl(path.join(shared, "corpus/dev.jsonl")).map((r) => r.text);

/** Joins drafts until `units` UTF-16 code units, without splitting a pair. */
function draftOf(units, sources) {
  let s = "";
  for (let i = 0; s.length < units; i++) s += sources[i % sources.length] + (i % 3 === 2 ? "\n\n" : " ");
  let cut = units;
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1; // keep astral characters whole
  return s.slice(0, cut);
}
const draft280 = draftOf(280, dev);
const draft10k = draftOf(10_000, dev);

function quantile(sorted, q) {
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** Per-call times (us) of `fn` over `inputs`, `reps` passes, after a warm-up. */
function time(fn, inputs, reps) {
  // Warm-up (JIT and wasm tier-up, lazy init): 2,000 calls or half a second.
  const until = performance.now() + 500;
  for (let k = 0; k < 2000 && performance.now() < until; k++) fn(inputs[k % inputs.length]);
  const out = new Float64Array(inputs.length * reps);
  let k = 0;
  for (let r = 0; r < reps; r++) {
    for (const t of inputs) {
      const t0 = process.hrtime.bigint();
      fn(t);
      out[k++] = Number(process.hrtime.bigint() - t0) / 1000;
    }
  }
  out.sort();
  return { n: out.length, median: quantile(out, 0.5), p99: quantile(out, 0.99) };
}

const linter = new Linter();
const postlint = (t) => linter.analyze(t);
const wg = (t) => writeGood(t);

const cases = [
  ["vader tweets (per draft)", vader, rounds],
  [`one ${draft280.length}-char draft`, [draft280], 2000],
  [`one ${draft10k.length.toLocaleString("en")}-char draft`, [draft10k], 300],
];

const rows = [];
for (const [name, inputs, reps] of cases) {
  const a = time(postlint, inputs, reps);
  const b = time(wg, inputs, reps);
  rows.push({ case: name, calls: a.n, postlint: a, writeGood: b });
}

const avgLen = vader.reduce((n, t) => n + t.length, 0) / vader.length;
if (asJson) {
  console.log(JSON.stringify({ node: process.version, vaderDrafts: vader.length, avgLen, rows }, null, 2));
} else {
  const f = (x) => x.toFixed(1);
  console.log(
    `postlint (wasm, Node ${process.version}) vs write-good; ${vader.length} VADER drafts, ` +
      `mean ${avgLen.toFixed(0)} UTF-16 units; times in microseconds\n`,
  );
  console.log("| drafts | calls | postlint median | postlint p99 | write-good median | write-good p99 |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.case} | ${r.calls} | ${f(r.postlint.median)} | ${f(r.postlint.p99)} | ` +
        `${f(r.writeGood.median)} | ${f(r.writeGood.p99)} |`,
    );
  }
}
