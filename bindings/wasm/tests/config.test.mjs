// A bad config throws a ConfigError whose `key` and message name the key.
import test from "node:test";
import assert from "node:assert/strict";
import { analyze, Linter } from "../pkg/node/index.mjs";

const CASES = [
  [{ nope: 1 }, "nope"],
  [{ rules: { "no-such-rule": "off" } }, "rules.no-such-rule"],
  [{ rules: { urgency: "loud" } }, "rules.urgency"],
  [{ rules: "off" }, "rules"],
  [{ thresholds: { salesy: 2 } }, "thresholds.salesy"],
  [{ thresholds: { salesy: -0.1 } }, "thresholds.salesy"],
  [{ thresholds: { salesy: "high" } }, "thresholds.salesy"],
  [{ thresholds: { salesy: NaN } }, "thresholds.salesy"],
  [{ thresholds: { identityReflecting: 7 } }, "thresholds.identityReflecting"],
  [{ thresholds: { loud: 1 } }, "thresholds.loud"],
  [{ thresholds: { thresholds: 1 } }, "thresholds.thresholds"],
  [{ brands: "Acme" }, "brands"],
  [{ brands: ["Acme", 3] }, "brands[1]"],
  [{ allow: ["  "] }, "allow[0]"],
  [{ extraSalesPhrases: ["ok", "!!"] }, "extraSalesPhrases[1]"],
  [{ extraSalesPhrases: "grab a bag" }, "extraSalesPhrases"],
];

function check(fn, key) {
  let thrown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  assert.ok(thrown, `expected a throw for key ${key}`);
  assert.ok(thrown instanceof Error, "an Error");
  assert.equal(thrown.name, "ConfigError");
  assert.equal(thrown.key, key);
  assert.ok(thrown.message.includes(`\`${key}\``), `message names ${key}: ${thrown.message}`);
}

test("new Linter(bad) throws ConfigError naming the key", () => {
  for (const [config, key] of CASES) check(() => new Linter(config), key);
});

test("analyze(text, bad) throws the same errors", () => {
  for (const [config, key] of CASES) check(() => analyze("Buy now", config), key);
});

test("a config that is not an object is rejected with key null", () => {
  for (const bad of [42, "rules", true, [1, 2]]) {
    assert.throws(
      () => new Linter(bad),
      (err) => err.name === "ConfigError" && err.key === null && /config/.test(err.message),
    );
  }
});

test("values JSON cannot hold are rejected, not crashed on", () => {
  assert.throws(() => new Linter({ brands: [() => 1] }), (err) => err.name === "ConfigError");
  assert.throws(() => new Linter({ brands: [Symbol("x")] }), (err) => err.name === "ConfigError");
});

test("the module works normally after config errors", () => {
  for (const [config] of CASES) assert.throws(() => new Linter(config));
  const r = new Linter({ brands: ["Acme"] }).analyze("Buy now at Acme!");
  assert.ok(r.diagnostics.some((d) => d.rule === "hard-sell"));
});

test("undefined properties mean 'not set', as in JavaScript generally", () => {
  const plain = new Linter().analyze("Buy now, today only!");
  const config = { brands: undefined, thresholds: { salesy: undefined }, rules: { "hard-sell": undefined } };
  assert.deepEqual(new Linter(config).analyze("Buy now, today only!"), plain);
  assert.deepEqual(analyze("Buy now, today only!", config), plain);
  // ...but null, NaN and undefined inside a list are still errors.
  assert.throws(() => new Linter({ brands: null }), { name: "ConfigError", key: "brands" });
  assert.throws(() => new Linter({ brands: [undefined] }), { name: "ConfigError", key: "brands[0]" });
});

test("a config that contains itself or nests deep throws ConfigError, and the module still works", () => {
  // These used to overflow the module's stack: RuntimeError "memory access
  // out of bounds" instead of a ConfigError.
  const before = analyze("Buy now! 50% off");
  const loop = [];
  loop.push(loop);
  const self = {};
  self.x = self;
  let deep = "Acme";
  for (let i = 0; i < 100000; i++) deep = [deep];
  for (const config of [{ brands: loop }, self, { brands: deep }]) {
    for (const make of [() => new Linter(config), () => analyze("hi", config)]) {
      let thrown;
      try {
        make();
      } catch (err) {
        thrown = err;
      }
      assert.ok(thrown, "expected a throw");
      assert.equal(thrown.name, "ConfigError", String(thrown));
      assert.match(thrown.message, /nested more than 32 levels deep/);
      assert.ok(thrown.message.includes(`\`${thrown.key}\``));
    }
  }
  assert.deepEqual(analyze("Buy now! 50% off"), before);
  assert.ok(new Linter({ thresholds: { salesy: 0.7 }, brands: ["Acme"] }));
});
