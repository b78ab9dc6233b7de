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
import { Linter, tokenize } from "../pkg/node/index.mjs";
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
    assert.equal(js.language, cli.language, `language, ${where}`);
    const cliDiagnostics = cli.diagnostics.map((d) => {
      const out = { rule: d.rule, severity: d.severity, start: d.start, end: d.end, message: d.message };
      if (d.suggestion != null) out.suggestion = d.suggestion;
      if (d.fix != null) out.fix = d.fix;
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

// Drafts with links, entities in several scripts, emoji and an overflow.
const ENTITY_DRAFTS = [
  "RT@ana: loving #il·lusió and $TEST.T at http://t.co/abc's 中国語example.com",
  "👨‍👩‍👧‍👦 Big news 🎉 #cafe\u0301 #新年快乐 https://x.co/a?b=1",
  "x".repeat(290) + " https://example.com/" + "p".repeat(40),
  "Z\u0351a\u0308l\u0300go 텍스트 @user_name 👍🏽\nnext line",
];

function cliLines(args, texts) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "postlint-cli-"));
  const file = path.join(cwd, "drafts.jsonl");
  fs.writeFileSync(file, texts.map((text, id) => JSON.stringify({ id, text }) + "\n").join(""));
  const out = execFileSync(cliBinary(), [...args, file], { cwd, encoding: "utf8" });
  fs.rmSync(cwd, { recursive: true, force: true });
  return out.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
}

test("tokenize() == CLI tokens --offsets utf16", () => {
  const lines = cliLines(["tokens", "--offsets", "utf16"], ENTITY_DRAFTS);
  ENTITY_DRAFTS.forEach((text, i) => {
    const tokens = tokenize(text);
    assert.deepEqual(tokens, lines[i].tokens);
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  });
});

test("report.length and too-long == CLI batch --platform", () => {
  for (const platform of ["x", "bluesky", "mastodon", "threads"]) {
    const lines = cliLines(["batch", "--offsets", "utf16", "--platform", platform], ENTITY_DRAFTS);
    const linter = new Linter({ platform });
    ENTITY_DRAFTS.forEach((text, i) => {
      const js = linter.analyze(text);
      assert.deepEqual(js.length, lines[i].length, `${platform} ${i}`);
      const cliTooLong = lines[i].diagnostics.filter((d) => d.rule === "too-long").map((d) => [d.start, d.end]);
      assert.deepEqual(js.diagnostics.filter((d) => d.rule === "too-long").map((d) => [d.start, d.end]), cliTooLong);
    });
  }
  assert.equal(new Linter().analyze("hi").length, undefined);
});
