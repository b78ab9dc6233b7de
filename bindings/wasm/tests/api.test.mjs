// The JavaScript API's shape: analyze(), Linter, rules(), options.
import test from "node:test";
import assert from "node:assert/strict";
import { analyze, Linter, rules } from "../pkg/node/index.mjs";

const DIMENSIONS = ["salesy", "personal", "conversational", "identityReflecting"];
const PITCH = "HUGE SALE!!! Buy now, 50% off everything, today only!";

test("analyze returns a camelCase report", () => {
  const r = analyze(PITCH);
  assert.deepEqual(Object.keys(r), ["scores", "labels", "language", "diagnostics", "evidence"]);
  assert.deepEqual(Object.keys(r.scores), DIMENSIONS);
  assert.deepEqual(Object.keys(r.labels), DIMENSIONS);
  for (const d of DIMENSIONS) {
    assert.equal(typeof r.scores[d], "number");
    assert.ok(r.scores[d] >= 0 && r.scores[d] <= 1, `${d} in [0, 1]`);
    assert.equal(typeof r.labels[d], "boolean");
  }
  assert.ok(r.scores.salesy > 0.9, `salesy ${r.scores.salesy}`);
  assert.equal(r.labels.salesy, true);
  for (const d of r.diagnostics) {
    assert.equal(typeof d.rule, "string");
    assert.ok(["error", "warning", "info"].includes(d.severity), d.severity);
    assert.ok(Number.isInteger(d.start) && Number.isInteger(d.end) && d.start < d.end);
    assert.equal(typeof d.message, "string");
    // `suggestion?: string`: absent rather than null.
    if ("suggestion" in d) assert.equal(typeof d.suggestion, "string");
  }
  const hard = r.diagnostics.find((d) => d.rule === "hard-sell");
  assert.ok(hard, "hard-sell is reported");
  assert.equal(PITCH.slice(hard.start, hard.end), "Buy now");
  assert.equal(hard.severity, "error");
  for (const e of r.evidence) {
    assert.ok(DIMENSIONS.includes(e.dimension), e.dimension);
    assert.equal(typeof e.signal, "string");
    assert.equal(typeof e.weight, "number");
    assert.ok(e.start <= e.end);
  }
});

test("a warm personal draft reads personal, not salesy", () => {
  const r = analyze(
    "Well. I drove off with my phone on the roof of the car. It survived the highway. Has this happened to you?",
  );
  assert.equal(r.labels.salesy, false);
  assert.ok(r.scores.personal > r.scores.salesy);
});

test("empty and whitespace drafts are fine", () => {
  for (const t of ["", " ", "\n\n", "🙂"]) {
    const r = analyze(t);
    assert.equal(r.diagnostics.length, r.diagnostics.filter((d) => d.end <= t.length).length);
  }
});

test("Linter is built once and reused; it matches analyze()", () => {
  const linter = new Linter();
  for (const t of [PITCH, "hello there", "We are proud to announce our award-winning app."]) {
    assert.deepEqual(linter.analyze(t), analyze(t));
  }
  assert.deepEqual(new Linter(undefined).analyze(PITCH), analyze(PITCH));
  assert.deepEqual(new Linter(null).analyze(PITCH), analyze(PITCH));
  linter.free();
  assert.throws(() => linter.analyze("x"), /freed/);
});

test("config: rule levels, thresholds, brands, extra phrases, allow", () => {
  const text = "Grab a bag at Acme Coffee. Buy now!";
  const off = new Linter({ rules: { "hard-sell": "off" } }).analyze(text);
  assert.ok(!off.diagnostics.some((d) => d.rule === "hard-sell"));
  const loud = new Linter({ rules: { "hard-sell": "info" } }).analyze(text);
  assert.equal(loud.diagnostics.find((d) => d.rule === "hard-sell").severity, "info");

  const extra = new Linter({ extraSalesPhrases: ["grab a bag"] }).analyze(text);
  assert.ok(
    extra.diagnostics.some((d) => d.rule === "hard-sell" && text.slice(d.start, d.end) === "Grab a bag"),
  );
  // The snake_case spelling of the TOML config is accepted too.
  const snake = new Linter({ extra_sales_phrases: ["grab a bag"] }).analyze(text);
  assert.deepEqual(snake, extra);

  const flaggedText = (r) => r.diagnostics.map((d) => text.slice(d.start, d.end));
  assert.ok(flaggedText(analyze(text)).includes("Buy now"));
  const allowed = new Linter({ allow: ["buy now"] }).analyze(text);
  assert.ok(!flaggedText(allowed).some((t) => t.includes("Buy now")), flaggedText(allowed).join("|"));

  const brand = new Linter({ brands: ["Acme"] }).analyze("Acme is proud to unveil the new Acme app.");
  assert.ok(brand.evidence.some((e) => e.signal === "brand-name"));

  const s = analyze(text).scores.salesy;
  const strict = new Linter({ thresholds: { salesy: Math.min(1, s + 0.01), identityReflecting: 0 } });
  const r = strict.analyze(text);
  assert.equal(r.labels.salesy, false);
  assert.equal(r.labels.identityReflecting, true);
});

test("analyze(text, options) applies the options for that call only", () => {
  const text = "Buy now!";
  const r = analyze(text, { rules: { "hard-sell": "off" } });
  assert.ok(!r.diagnostics.some((d) => d.rule === "hard-sell"));
  assert.ok(analyze(text).diagnostics.some((d) => d.rule === "hard-sell"));
  assert.deepEqual(analyze(text, {}), analyze(text));
  assert.deepEqual(analyze(text, undefined), analyze(text));
});

test("rules() is the catalogue, in JavaScript spelling", () => {
  const list = rules();
  assert.equal(list.length, 16);
  const ids = list.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of list) {
    assert.deepEqual(Object.keys(r), ["id", "dimension", "defaultSeverity", "description"]);
    assert.ok(DIMENSIONS.includes(r.dimension), r.dimension);
    assert.ok(["error", "warning", "info"].includes(r.defaultSeverity));
    assert.ok(r.description.length > 10);
  }
  assert.equal(list.find((r) => r.id === "missed-conversation").defaultSeverity, "info");
  // A rule's dimension indexes the report's scores directly.
  const report = analyze(PITCH);
  assert.equal(typeof report.scores[list[0].dimension], "number");
});

test("non-string text is rejected with a TypeError-like error, not a crash", () => {
  // wasm-bindgen coerces nothing: a number is not a string.
  assert.throws(() => analyze(42));
  assert.equal(analyze("still fine").diagnostics.length >= 0, true);
});

test("report.language says when a draft is mostly not English", () => {
  assert.equal(analyze(PITCH).language, "en");
  const fr = "Bonjour à tous, merci pour votre visite hier soir. Nous avons adoré vous voir.";
  assert.equal(analyze(fr).language, "other");
  assert.equal(analyze("日本語のテキストです、よろしくお願いします").language, "other");
});
