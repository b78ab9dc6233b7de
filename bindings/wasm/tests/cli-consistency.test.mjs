// The wasm build and the Rust CLI (`postlint batch --offsets utf16 --explain`)
// agree on every draft: scores exactly equal, labels, diagnostics, evidence.
//
// The CLI is $POSTLINT_BIN when set, else built here with
// `cargo build --release -p postlint-cli` (<repo>/target/release/postlint).
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { Linter } from "../pkg/node/index.mjs";
import { readJsonl, repoDir, sharedDir } from "./helpers.mjs";

let cachedBinary;
function cliBinary() {
  cachedBinary ??= findCliBinary();
  return cachedBinary;
}

function findCliBinary() {
  if (process.env.POSTLINT_BIN) return process.env.POSTLINT_BIN;
  execFileSync("cargo", ["build", "--release", "-p", "postlint-cli"], {
    cwd: repoDir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const targetDir = process.env.CARGO_TARGET_DIR
    ? path.resolve(repoDir, process.env.CARGO_TARGET_DIR)
    : path.join(repoDir, "target");
  return path.join(targetDir, "release", "postlint");
}

const camel = { identity_reflecting: "identityReflecting" };
const jsDimension = (d) => camel[d] ?? d;
const fourToJs = (o) => ({
  salesy: o.salesy,
  personal: o.personal,
  conversational: o.conversational,
  identityReflecting: o.identity_reflecting,
});

function compareFile(file, t) {
  const drafts = readJsonl(file);
  // Run from an empty directory so no ./postlint.toml is picked up.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "postlint-cli-"));
  const out = execFileSync(cliBinary(), ["batch", "--offsets", "utf16", "--explain", file], {
    cwd,
    maxBuffer: 1 << 28,
    encoding: "utf8",
  });
  fs.rmSync(cwd, { recursive: true, force: true });
  const lines = out.split("\n").filter((l) => l.trim());
  assert.equal(lines.length, drafts.length, "one output line per draft");

  const linter = new Linter();
  let diagnostics = 0;
  for (let i = 0; i < drafts.length; i++) {
    const { id, text } = drafts[i];
    const cli = JSON.parse(lines[i]);
    assert.deepEqual(cli.id, id);
    const js = linter.analyze(text);
    const where = `${path.basename(file)} line ${i + 1} (id ${JSON.stringify(id)})`;
    // Exactly equal, not approximately: the same f64 on both sides.
    assert.deepEqual(js.scores, fourToJs(cli.scores), `scores, ${where}`);
    assert.deepEqual(js.labels, fourToJs(cli.labels), `labels, ${where}`);
    const cliDiagnostics = cli.diagnostics.map((d) => {
      const out = { rule: d.rule, severity: d.severity, start: d.start, end: d.end, message: d.message };
      if (d.suggestion != null) out.suggestion = d.suggestion;
      return out;
    });
    assert.deepEqual(js.diagnostics, cliDiagnostics, `diagnostics, ${where}`);
    const cliEvidence = cli.evidence.map((e) => ({
      dimension: jsDimension(e.dimension),
      signal: e.signal,
      start: e.start,
      end: e.end,
      weight: e.weight,
    }));
    assert.deepEqual(js.evidence, cliEvidence, `evidence, ${where}`);
    diagnostics += js.diagnostics.length;
  }
  t.diagnostic(`${drafts.length} drafts, ${diagnostics} diagnostics, all equal`);
  return diagnostics;
}

test("dev.jsonl: wasm == CLI batch --offsets utf16", (t) => {
  const n = compareFile(path.join(sharedDir, "corpus/dev.jsonl"), t);
  assert.ok(n > 50, "the corpus exercises the rules");
});

test("vader_tweets.jsonl: wasm == CLI batch --offsets utf16", (t) => {
  compareFile(path.join(sharedDir, "data/vader_tweets.jsonl"), t);
});
