// The package as npm users get it: resolution through package.json
// "exports" for require, import, the web build and the bundler build.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { pkgDir } from "./helpers.mjs";

const DRAFT = "🎉 Buy now, 50% off!";
let dir;

test.before(() => {
  // A project with the package installed under node_modules/postlint.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "postlint-consumer-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(pkgDir, path.join(dir, "node_modules", "postlint"), "dir");
});
test.after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args, code) {
  return execFileSync(process.execPath, [...args, code], { cwd: dir, encoding: "utf8" }).trim();
}
const PRINT = `r => console.log(JSON.stringify(r.diagnostics.map(d => ${JSON.stringify(DRAFT)}.slice(d.start, d.end))))`;
const EXPECTED = JSON.stringify(["Buy now", "50% off"]);

test("require('postlint') gets the Node build", () => {
  const out = run(["-e"], `const p = require("postlint"); (${PRINT})(new p.Linter().analyze(${JSON.stringify(DRAFT)}));`);
  assert.equal(out, EXPECTED);
});

test("import 'postlint' gets the Node build", () => {
  const out = run(
    ["--input-type=module", "-e"],
    `import { analyze, Linter, rules } from "postlint"; (${PRINT})(analyze(${JSON.stringify(DRAFT)})); if (rules().length !== 16 || typeof Linter !== "function") process.exit(3);`,
  );
  assert.equal(out, EXPECTED);
});

test("postlint/web works after initSync (as in a <script type=module> after init())", () => {
  const out = run(
    ["--input-type=module", "-e"],
    `import fs from "node:fs";
     import { createRequire } from "node:module";
     import { initSync, analyze } from "postlint/web";
     const wasm = createRequire(import.meta.url).resolve("postlint/web/postlint_wasm_bg.wasm");
     initSync({ module: fs.readFileSync(wasm) });
     (${PRINT})(analyze(${JSON.stringify(DRAFT)}));`,
  );
  assert.equal(out, EXPECTED);
});

test("postlint/bundler loads as an ES module that imports its .wasm (webpack-style)", () => {
  const out = run(
    ["--experimental-wasm-modules", "--no-warnings", "--input-type=module", "-e"],
    `import { Linter } from "postlint/bundler"; (${PRINT})(new Linter().analyze(${JSON.stringify(DRAFT)}));`,
  );
  assert.equal(out, EXPECTED);
});

test("npm pack ships every build and nothing else", () => {
  const json = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: pkgDir,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const [info] = JSON.parse(json);
  assert.equal(info.name, "postlint");
  const files = info.files.map((f) => f.path).sort();
  for (const f of [
    "package.json",
    "README.md",
    "web/index.js",
    "web/index.d.ts",
    "web/postlint_wasm_bg.wasm",
    "node/index.cjs",
    "node/index.mjs",
    "node/index.d.cts",
    "node/index.d.mts",
    "node/postlint_wasm_bg.wasm",
    "bundler/index.js",
    "bundler/index.d.ts",
    "bundler/postlint_wasm_bg.wasm",
  ]) {
    assert.ok(files.includes(f), `${f} is packed`);
  }
  assert.ok(!files.some((f) => f.endsWith(".gitignore")));
});
