// Lone surrogates: wasm-bindgen passes strings as UTF-8 and replaces each
// lone surrogate by U+FFFD, which is one UTF-16 unit too, so offsets into the
// original string stay right.
import test from "node:test";
import assert from "node:assert/strict";
import { analyze, Linter } from "../pkg/node/index.mjs";

const wellFormed = (s) =>
  typeof s.toWellFormed === "function"
    ? s.toWellFormed()
    : s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

const CASES = [
  "\ud83d Buy now!",
  "\ude00 Buy now!",
  "Buy now! \ud83d",
  "\ude00\ud83d Buy now! 🎉",
  "a\ud800b\udc00c Buy now",
  "\ud83d".repeat(50) + "Buy now",
  "😀\ud83d😀 Buy now 😀\ude00",
];

test("lone surrogates do not shift offsets", () => {
  const linter = new Linter();
  for (const text of CASES) {
    const r = linter.analyze(text);
    const hard = r.diagnostics.filter((d) => d.rule === "hard-sell");
    assert.equal(hard.length, 1, JSON.stringify(text));
    assert.equal(text.slice(hard[0].start, hard[0].end), "Buy now", JSON.stringify(text));
    for (const s of [...r.diagnostics, ...r.evidence]) assert.ok(s.end <= text.length);
  }
});

test("a string with lone surrogates reads like its U+FFFD-repaired form", () => {
  for (const text of CASES) {
    assert.deepEqual(analyze(text), analyze(wellFormed(text)), JSON.stringify(text));
  }
});

test("only lone surrogates", () => {
  for (const text of ["\ud800", "\udfff", "\udfff\ud800", "\ud800".repeat(1000)]) {
    const r = analyze(text);
    assert.equal(typeof r.scores.salesy, "number");
  }
});
