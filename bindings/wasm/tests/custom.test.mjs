// Custom rules, fixes and ignore entries against the shared fixtures
// (tests/fixtures/custom): the same configs and drafts give the same reports
// as the Rust library, the CLI and Python (expected.json, UTF-16 offsets
// here, in the JavaScript report's shape), and applyFixes gives the same
// fixed text.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { Linter, applyFixes, rules } from "../pkg/node/index.mjs";
import { repoDir } from "./helpers.mjs";

const fixtures = path.join(repoDir, "tests/fixtures/custom");
const cases = JSON.parse(fs.readFileSync(path.join(fixtures, "expected.json"), "utf8"));
const config = (name) => JSON.parse(fs.readFileSync(path.join(fixtures, `${name}.json`), "utf8"));

const camel = { identity_reflecting: "identityReflecting" };
const four = (o) => ({
  salesy: o.salesy,
  personal: o.personal,
  conversational: o.conversational,
  identityReflecting: o.identity_reflecting,
});

/** The core's JSON report (UTF-16 offsets) in the shape JavaScript gets. */
function jsShape(r) {
  const out = {
    scores: four(r.scores),
    labels: four(r.labels),
    language: r.language,
    diagnostics: r.diagnostics.map((d) => {
      const o = { rule: d.rule, severity: d.severity, start: d.start, end: d.end, message: d.message };
      if (d.suggestion != null) o.suggestion = d.suggestion;
      if (d.fix != null) o.fix = d.fix;
      return o;
    }),
    evidence: r.evidence.map((e) => ({
      dimension: camel[e.dimension] ?? e.dimension,
      signal: e.signal,
      start: e.start,
      end: e.end,
      weight: e.weight,
    })),
  };
  if (r.length != null) out.length = r.length;
  return out;
}

for (const c of cases) {
  test(`shared fixture ${c.id}: report and fixes as in expected.json`, () => {
    const linter = new Linter(config(c.config));
    const report = linter.analyze(c.text);
    assert.deepEqual(report, jsShape(c.utf16));
    for (const d of report.diagnostics) assert.ok(c.text.slice(d.start, d.end).length > 0);
    assert.equal(applyFixes(c.text, report), c.fixed);
    assert.equal(linter.applyFixes(c.text, report), c.fixed);
    linter.free();
  });
}

test("camelCase config keys and errors in JavaScript's spelling", () => {
  const rule = { id: "say-sturdy", phrases: ["flimsy"], severity: "warning", message: "m", replacement: "sturdy" };
  const linter = new Linter({ customRules: [rule], rules: { "say-sturdy": "error" } });
  const r = linter.analyze("A flimsy 🪑 chair");
  assert.equal(r.diagnostics[0].severity, "error");
  assert.deepEqual(r.diagnostics[0].fix, { start: 2, end: 8, replacement: "sturdy" });
  assert.equal(linter.applyFixes("A flimsy 🪑 chair", r), "A sturdy 🪑 chair");
  assert.throws(
    () => new Linter({ customRules: [{ ...rule, id: "Bad Id" }] }),
    (e) => e.name === "ConfigError" && e.key === "customRules[0].id",
  );
  assert.throws(
    () => new Linter({ ignore: [{ rule: "nope", text: "x" }] }),
    (e) => e.name === "ConfigError" && e.key === "ignore[0].rule",
  );
});

test("applyFixes rejects what is not a report, and skips fixes that do not fit", () => {
  assert.throws(() => applyFixes("x", 42), /applyFixes needs a report/);
  const report = { diagnostics: [{ fix: { start: 1, end: 2, replacement: "y" } }] };
  assert.equal(applyFixes("abc", report), "ayc");
  assert.equal(applyFixes("", report), "");
  // Offset 1 is inside the surrogate pair of 👍.
  assert.equal(applyFixes("👍", report), "👍");
});

test("a Linter's rules() lists its custom rules with the severity each runs at", () => {
  const rule = { id: "say-sturdy", phrases: ["flimsy"], severity: "warning", message: "Say {text} less", dimension: "salesy", weight: 0.5 };
  const linter = new Linter({ customRules: [rule], rules: { shouting: "off", "say-sturdy": "error" } });
  const list = linter.rules();
  assert.equal(list.length, rules().length + 1);
  assert.deepEqual(
    list.slice(0, -1).map((r) => r.id),
    rules().map((r) => r.id),
  );
  assert.deepEqual(list.at(-1), {
    id: "say-sturdy",
    dimension: "salesy",
    defaultSeverity: "warning",
    description: "Say … less",
    severity: "error",
    custom: true,
  });
  const shouting = list.find((r) => r.id === "shouting");
  assert.equal(shouting.severity, null);
  assert.equal(shouting.custom, false);
  assert.equal(shouting.dimension, rules().find((r) => r.id === "shouting").dimension);
  // Without custom rules: the built-in catalogue, each at its default.
  const plain = new Linter().rules();
  assert.deepEqual(plain.map((r) => r.severity), rules().map((r) => r.defaultSeverity));
  linter.free();
});
