// Property tests of the JavaScript config conversion (issue 15's "Python/JS
// config conversion where a harness fits"), with fast-check.
//
// The Rust `config` and `fixes` fuzz targets cover the schema; what they
// cannot reach is the step from JS values (numbers past 2^53, NaN, -0,
// booleans where numbers belong, lone surrogates, arrays for objects,
// undefined, camelCase and snake_case keys) to the core's config. Config-shaped
// objects, mostly well formed, either build a Linter whose reports keep the
// invariants, or throw a ConfigError naming a key in its message. A Rust panic
// would surface as a PanicError, which fails the property.
import test from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Linter, rules } from "../pkg/node/index.mjs";

const BUILT_IN = rules().map((r) => r.id);
const RULE_IDS = [...BUILT_IN, "no-such-rule", "my-rule", "Bad Id", ""];
const LEVELS = ["off", "info", "warning", "error", "hint", "loud", ""];
const SEVERITIES = ["info", "warning", "error"];
const DIMENSIONS = ["salesy", "personal", "conversational", "identityReflecting", "identity_reflecting"];
const PLATFORMS = ["x", "bluesky", "threads", "mastodon", "linkedin", "instagram", "facebook", "myspace"];

// Every UTF-16 code unit, lone surrogates included, plus the usual suspects.
const TEXT = fc.oneof(
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 8 }),
  fc.constantFrom("Buy now", "cheap", "ＣＨＥＡＰ", "e\u0301", "👨\u200d👩\u200d👧", "\ud800", "", " ", "#deal", "$9.99"),
);
const NUMBER = fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(Number), fc.constantFrom(NaN, -0, 2 ** 64));
const JUNK = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), NUMBER, TEXT),
  node: fc.oneof(
    { depthSize: "small" },
    tie("leaf"),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(TEXT, tie("node"), { maxKeys: 3 }),
  ),
})).node;

/** Mostly `good`, one time in `n` anything at all. */
const mostly = (good, n = 12, bad = JUNK) =>
  fc.tuple(fc.noBias(fc.nat(n - 1)), good, bad).map(([k, g, b]) => (k === 0 ? b : g));
/** Always `good`: for configs that are well formed throughout. */
const always = (good) => good;

const PHRASE = fc.oneof(
  fc.stringMatching(/^[a-zé’]{1,8}( [a-z0-9!$]{1,6})?$/),
  fc.constantFrom("buy now", "CHEAP", "deal!!"),
);
/**
 * Config-shaped arbitraries. With `mostly`, one value in a few is junk (a
 * wrong type, an unknown key...); with `always`, every value is well formed,
 * so the configs get past validation and reach analysis and fixes.
 */
function shapes(mostly) {
  const clean = mostly === always;
  const ids = clean ? BUILT_IN : RULE_IDS;
  const customRule = fc
    .tuple(
      fc.record(
        {
          id: mostly(fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,4}){0,2}$/), 8, fc.oneof(fc.constantFrom(...RULE_IDS), TEXT)),
          phrases: mostly(fc.array(mostly(PHRASE, 4, TEXT), { minLength: 1, maxLength: 4 })),
          severity: mostly(fc.constantFrom(...SEVERITIES), 8, fc.constantFrom(...LEVELS)),
          message: mostly(fc.oneof(fc.constant("Say {text} less"), fc.string({ minLength: 1 })), 8, TEXT),
          suggestion: mostly(TEXT),
          replacement: mostly(TEXT),
        },
        { requiredKeys: ["id", "phrases", "severity", "message"] },
      ),
      // A dimension comes with a weight, except when testing that it must.
      mostly(
        fc.option(fc.record({ dimension: fc.constantFrom(...DIMENSIONS), weight: fc.double({ min: -3, max: 3, noNaN: true }) }), { nil: {} }),
        8,
        fc.record({ dimension: JUNK, weight: JUNK }, { requiredKeys: [] }),
      ),
    )
    .map(([rule, scoring]) => ({ ...rule, ...scoring }));

  const config = fc
    .tuple(
      fc.record(
        {
          rules: mostly(fc.dictionary(clean ? fc.constantFrom(...ids) : fc.oneof(fc.constantFrom(...ids), TEXT), fc.constantFrom(...(clean ? LEVELS.slice(0, 4) : LEVELS)), { maxKeys: 3 })),
          thresholds: mostly(fc.dictionary(fc.constantFrom(...(clean ? DIMENSIONS.slice(0, 4) : DIMENSIONS)), mostly(fc.double({ min: 0, max: 1 })), { maxKeys: 4 })),
          brands: mostly(fc.array(mostly(PHRASE, 4, TEXT), { maxLength: 3 })),
          extraSalesPhrases: mostly(fc.array(mostly(PHRASE, 4, TEXT), { maxLength: 3 })),
          allow: mostly(fc.array(mostly(PHRASE, 4, TEXT), { maxLength: 3 })),
          platform: mostly(fc.constantFrom(...(clean ? PLATFORMS.slice(0, 7) : PLATFORMS))),
          maxLength: mostly(fc.nat(600)),
          customRules: mostly(fc.array(customRule, { maxLength: 2 })),
          ignore: mostly(fc.array(fc.record({ rule: fc.constantFrom(...ids), text: TEXT }), { maxLength: 2 })),
        },
        { requiredKeys: [] },
      ),
      fc.noBias(fc.nat(9)),
      TEXT,
      JUNK,
    )
    // Now and then a key the schema does not know.
    .map(([c, k, key, value]) => (k === 0 && !clean ? { ...c, [key]: value } : c));
  return { customRule, config };
}
const WILD = shapes(mostly);
const CLEAN = shapes(always);
const CONFIG = fc.oneof(CLEAN.config, WILD.config);
const CUSTOM_RULE = fc.oneof(CLEAN.customRule, WILD.customRule);
const DRAFT = fc
  .array(fc.oneof(TEXT, fc.constantFrom("BUY NOW!!!", "50% off", "shop.example.com", "@ana", "🇫🇷", "\n")), { maxLength: 8 })
  .map((parts) => parts.join(" "));

function checkReport(text, report) {
  for (const s of Object.values(report.scores)) assert.ok(s >= 0 && s <= 1, `score ${s}`);
  for (const item of [...report.diagnostics, ...report.evidence]) {
    assert.ok(0 <= item.start && item.start <= item.end && item.end <= text.length, `span ${item.start}..${item.end}`);
  }
}

/** A Linter, or null when the config is refused the documented way. */
function build(config) {
  try {
    return new Linter(config);
  } catch (err) {
    assert.equal(err.name, "ConfigError", `${err.name}: ${err.message}`);
    assert.ok(err.message.length > 0);
    if (err.key != null) assert.ok(err.message.includes(`\`${err.key}\``), err.message);
    return null;
  }
}

test("any config builds a Linter or throws a ConfigError naming its key", () => {
  let built = 0;
  fc.assert(
    fc.property(CONFIG, DRAFT, (config, draft) => {
      const linter = build(config);
      if (linter === null) return;
      built++;
      const report = linter.analyze(draft);
      checkReport(draft, report);
      checkReport(linter.applyFixes(draft, report), linter.analyze(linter.applyFixes(draft, report)));
      linter.free();
    }),
    { numRuns: 400 },
  );
  // The generator is useful only if many configs get past validation.
  assert.ok(built > 40, `only ${built} of 400 configs built`);
});

test("custom rules match their own phrases and fix cleanly", () => {
  let built = 0;
  fc.assert(
    fc.property(fc.array(CUSTOM_RULE, { minLength: 1, maxLength: 3 }), DRAFT, fc.constantFrom(" ", "\n", "👍🏽 ", "\u0301 "), (custom, draft, glue) => {
      const linter = build({ customRules: custom });
      if (linter === null) return;
      built++;
      const phrases = custom.flatMap((r) => r.phrases);
      const text = [draft, ...phrases].join(glue);
      const report = linter.analyze(text);
      checkReport(text, report);
      const fixed = linter.applyFixes(text, report);
      checkReport(fixed, linter.analyze(fixed));
      linter.free();
    }),
    { numRuns: 300 },
  );
  assert.ok(built > 30, `only ${built} of 300 rule sets built`);
});
