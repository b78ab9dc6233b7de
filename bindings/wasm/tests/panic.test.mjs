// A panic inside the module becomes a thrown PanicError, and the module keeps
// working: the next call runs in a fresh instance, and a Linter made before
// the panic rebuilds itself (see README.md, "Panics").
import test from "node:test";
import assert from "node:assert/strict";
import { analyze, Linter, rules, __panicForTesting, __abortForTesting } from "../pkg/node/index.mjs";

const PITCH = "🎉 HUGE SALE!!! Buy now, 50% off everything, today only!";

test("a panic is thrown as PanicError with the panic message", () => {
  assert.throws(
    () => __panicForTesting("boom from the test"),
    (err) =>
      err instanceof Error && err.name === "PanicError" && err.message.includes("boom from the test"),
  );
});

test("after a panic: analyze, rules and Linters (old and new) still work", () => {
  const before = analyze(PITCH);
  const linter = new Linter({ brands: ["Acme"], rules: { shouting: "off" } });
  const linterBefore = linter.analyze(PITCH);
  for (let i = 0; i < 5; i++) {
    assert.throws(() => __panicForTesting(`panic ${i}`), { name: "PanicError" });
    // The very first call after the panic passes a string argument.
    assert.deepEqual(analyze(PITCH), before);
    assert.deepEqual(linter.analyze(PITCH), linterBefore, "the old Linter rebuilt itself");
    assert.deepEqual(new Linter().analyze(PITCH), before);
    assert.equal(rules().length, 16);
  }
});

test("the rebuilt Linter keeps its config", () => {
  const cfg = { rules: { "hard-sell": "off" } };
  const linter = new Linter(cfg);
  cfg.rules["hard-sell"] = "error"; // later changes by the caller do not leak in
  assert.throws(() => __panicForTesting("x"));
  assert.ok(!linter.analyze(PITCH).diagnostics.some((d) => d.rule === "hard-sell"));
});

test("a trap that bypasses the panic hook also leaves a working module", () => {
  const before = analyze(PITCH);
  assert.throws(() => __abortForTesting(), (err) => err instanceof WebAssembly.RuntimeError);
  assert.deepEqual(analyze(PITCH), before);
  assert.deepEqual(new Linter().analyze(PITCH), before);
});

test("freeing a Linter from before a panic is harmless", () => {
  const old = new Linter();
  assert.throws(() => __panicForTesting("x"));
  old.free(); // must not free anything inside the new instance
  const fresh = new Linter();
  assert.deepEqual(fresh.analyze(PITCH), analyze(PITCH));
});
