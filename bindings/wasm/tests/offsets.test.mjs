// Offsets are UTF-16 code units: text.slice(start, end) is exactly the
// flagged text, whatever astral characters, ZWJ sequences or flags precede it.
import test from "node:test";
import assert from "node:assert/strict";
import { analyze, Linter } from "../pkg/node/index.mjs";
import { splitsPair } from "./helpers.mjs";

const PREFIXES = [
  "",
  "🎉 ",
  "👩‍👩‍👧‍👦 family night! ",
  "🏳️‍🌈🇫🇷🇯🇵 ",
  "👍🏽👍🏿 ",
  "café naïve — “quoted” ",
  "𝒻𝒶𝓃𝒸𝓎 𝕥𝕖𝕩𝕥 ",
  "e\u0301\u0301 combining ",
  "中文字符 ",
  "🙂".repeat(40) + " ",
];

function hardSell(text) {
  return analyze(text).diagnostics.filter((d) => d.rule === "hard-sell");
}

test("a flagged phrase slices out exactly after any prefix", () => {
  for (const prefix of PREFIXES) {
    for (const suffix of ["", " 🛒", "‼️ 🇺🇸", " 👩🏽‍💻"]) {
      const text = `${prefix}Buy now${suffix} and save.`;
      const found = hardSell(text);
      assert.equal(found.length, 1, JSON.stringify(text));
      assert.equal(text.slice(found[0].start, found[0].end), "Buy now", JSON.stringify(text));
    }
  }
});

test("phrases between emoji are found in place", () => {
  const text = "🔥🔥 Buy now 🔥🔥 ORDER TODAY 🚀 link in bio 👇";
  const got = hardSell(text).map((d) => text.slice(d.start, d.end));
  assert.deepEqual(got, ["Buy now", "ORDER TODAY", "link in bio"]);
});

test("no span ever splits a surrogate pair or runs past the end", () => {
  const linter = new Linter();
  const pieces = [
    "Buy now", "50% off", "today only", "🎉", "👩‍👩‍👧‍👦", "🇫🇷", "I", "love", "you",
    "what do you think?", "#sale", "HUGE", "!!!", "follow us", "𝕏", "é", "https://x.co/a",
  ];
  let seed = 7;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let i = 0; i < 400; i++) {
    const words = Array.from({ length: 1 + rand(25) }, () => pieces[rand(pieces.length)]);
    const text = words.join(rand(2) ? " " : "");
    const r = linter.analyze(text);
    for (const span of [...r.diagnostics, ...r.evidence]) {
      assert.ok(span.start <= span.end && span.end <= text.length, JSON.stringify({ text, span }));
      assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), JSON.stringify({ text, span }));
    }
    for (const d of r.diagnostics.filter((d) => d.rule === "hard-sell")) {
      assert.match(text.slice(d.start, d.end), /^(buy now|follow us)/i, text);
    }
  }
});

test("evidence spans use the same units", () => {
  const text = "👩‍👩‍👧‍👦 I love my family. What do you think?";
  const r = analyze(text);
  const firstPerson = r.evidence.find((e) => e.signal === "first-person");
  assert.ok(firstPerson, JSON.stringify(r.evidence));
  assert.equal(text.slice(firstPerson.start, firstPerson.end), "I");
});
