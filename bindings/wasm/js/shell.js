// The public JavaScript API of `postlint`: a thin layer over the glue that
// wasm-bindgen generates (`raw`). It does three small things only: rebuild
// reports from the packed form they cross the boundary in (for speed), drop
// `undefined` properties from configs, and recover after a panic or a trap
// inside the module.
//
// Why it exists (see README.md, "Panics"): wasm32 aborts on panic, so the
// Rust panic hook schedules a fresh instance (wasm-bindgen's
// `schedule_reinit`) and throws a `PanicError`. wasm-bindgen 0.2.130 swaps
// instances lazily, at the start of the *next* export call, but only after
// that call has already copied its arguments (the draft text) into the old
// instance's memory, so the first call after a panic would read garbage.
// Calling an export that takes no arguments (`__ping`) right after the
// error makes the swap happen before any argument is copied. A `Linter` made
// before the swap lives in the old instance; it is rebuilt from its config.
//
// build.sh turns this file into `shell.cjs` for the Node (CommonJS) build by
// rewriting the `export function wrap` line; keep that line as it is.

export function wrap(raw) {
  let generation = 0;

  // Reports cross the boundary packed (see `pack` in src/lib.rs: numbers in
  // a Float64Array, strings once in a JSON array); this rebuilds the object
  // the typed `Report` describes. The tables match SEVERITY_CODES and
  // DIMENSION_CODES there.
  const SEVERITIES = ["info", "warning", "error"];
  const DIMENSIONS = ["salesy", "personal", "conversational", "identityReflecting"];
  const LANGUAGES = ["en", "other"];

  function unpack(packed) {
    const n = packed[0];
    const strings = JSON.parse(packed[1]);
    const report = {
      scores: { salesy: n[0], personal: n[1], conversational: n[2], identityReflecting: n[3] },
      labels: {
        salesy: n[4] === 1,
        personal: n[5] === 1,
        conversational: n[6] === 1,
        identityReflecting: n[7] === 1,
      },
      language: "en",
      diagnostics: [],
      evidence: [],
    };
    let i = 9;
    for (let k = n[8]; k > 0; k--, i += 9) {
      const d = {
        rule: strings[n[i]],
        severity: SEVERITIES[n[i + 1]],
        start: n[i + 2],
        end: n[i + 3],
        message: strings[n[i + 4]],
      };
      if (n[i + 5] >= 0) d.suggestion = strings[n[i + 5]];
      if (n[i + 6] >= 0) d.fix = { start: n[i + 6], end: n[i + 7], replacement: strings[n[i + 8]] };
      report.diagnostics.push(d);
    }
    for (let k = n[i++]; k > 0; k--, i += 5) {
      report.evidence.push({
        dimension: DIMENSIONS[n[i]],
        signal: strings[n[i + 1]],
        start: n[i + 2],
        end: n[i + 3],
        weight: n[i + 4],
      });
    }
    if (n[i] === 1) {
      report.length = { platform: strings[n[i + 1]], count: n[i + 2], limit: n[i + 3] };
      i += 4;
    } else {
      i += 1;
    }
    report.language = LANGUAGES[n[i]];
    return report;
  }

  function poisoned(err) {
    return (
      err != null &&
      (err.name === "PanicError" ||
        (typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError))
    );
  }

  // Called with every error thrown by the module; returns it for rethrowing.
  function recover(err) {
    if (poisoned(err)) {
      // A panic already scheduled the swap from its hook; a trap (an abort,
      // out of memory) skipped the hook, so schedule it here. Then make it
      // happen now.
      if (err.name !== "PanicError") raw.__scheduleReinit();
      raw.__ping();
      generation += 1;
    }
    return err;
  }

  function analyze(text, options) {
    try {
      return unpack(raw.__analyzePacked(text, defined(options)));
    } catch (err) {
      throw recover(err);
    }
  }

  function rules() {
    try {
      return JSON.parse(raw.__rulesJson());
    } catch (err) {
      throw recover(err);
    }
  }

  function applyFixes(text, report) {
    try {
      return raw.applyFixes(text, report);
    } catch (err) {
      throw recover(err);
    }
  }

  function tokenize(text) {
    try {
      return JSON.parse(raw.__tokenizeJson(text));
    } catch (err) {
      throw recover(err);
    }
  }

  // A copy of a config without its `undefined` properties: in JavaScript
  // `{ brands: undefined }` means "not set" (and the types allow it), while
  // the module would read it as null, a wrong type. Plain objects only;
  // arrays and other values pass as they are (the module checks them).
  // Past a config's real depth the value is passed on as it is: an object
  // that contains itself would otherwise recurse until a RangeError, and the
  // module reports deep nesting as a ConfigError naming the key.
  function defined(value, depth = 0) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    if (depth >= 32) return value;
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = defined(v, depth + 1);
    return out;
  }

  class Linter {
    #inner;
    #config;
    #generation;

    constructor(config) {
      // Also the copy a rebuild after a panic uses: later changes the caller
      // makes to `config` do not leak in.
      this.#config = defined(config);
      try {
        this.#inner = new raw.Linter(this.#config);
      } catch (err) {
        throw recover(err);
      }
      this.#generation = generation;
    }

    // The Rust half, rebuilt when it was made before a panic (it died with
    // the old instance).
    #live() {
      if (this.#inner === undefined) throw new Error("postlint: this Linter was freed");
      if (this.#generation !== generation) {
        this.#inner = new raw.Linter(this.#config);
        this.#generation = generation;
      }
      return this.#inner;
    }

    analyze(text, options) {
      try {
        return unpack(this.#live().__analyzePacked(text, defined(options)));
      } catch (err) {
        throw recover(err);
      }
    }

    rules() {
      try {
        return JSON.parse(this.#live().__rulesJson());
      } catch (err) {
        throw recover(err);
      }
    }

    applyFixes(text, report) {
      return applyFixes(text, report);
    }

    free() {
      // A Linter from an old instance must not be freed in the new one.
      if (this.#inner !== undefined && this.#generation === generation) this.#inner.free();
      this.#inner = undefined;
    }
  }
  if (typeof Symbol.dispose === "symbol") {
    Linter.prototype[Symbol.dispose] = Linter.prototype.free;
  }

  function __panicForTesting(message) {
    try {
      return raw.__panicForTesting(message);
    } catch (err) {
      throw recover(err);
    }
  }

  function __abortForTesting() {
    try {
      return raw.__abortForTesting();
    } catch (err) {
      throw recover(err);
    }
  }

  return { analyze, applyFixes, rules, tokenize, Linter, __panicForTesting, __abortForTesting };
}
