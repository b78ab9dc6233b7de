// TypeScript: the package's .d.ts files type every export and result, and
// they agree with what the module returns.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { rules } from "../pkg/node/index.mjs";
import { bindingDir, pkgDir, testsDir } from "./helpers.mjs";

test("RuleId in the .d.ts lists exactly the catalogue's ids", () => {
  const dts = fs.readFileSync(path.join(pkgDir, "node/index.d.cts"), "utf8");
  const block = /export type RuleId =([^;]*);/.exec(dts);
  assert.ok(block, "RuleId is declared");
  const typed = [...block[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(typed, rules().map((r) => r.id).sort());
});

test("every build declares every export", () => {
  for (const file of ["node/index.d.cts", "node/index.d.mts", "bundler/index.d.ts", "web/index.d.ts"]) {
    const dts = fs.readFileSync(path.join(pkgDir, file), "utf8");
    for (const name of [
      "export function analyze(text: string, options?: Options | null): Report;",
      "export function rules(): RuleInfo[];",
      "export function tokenize(text: string): Token[];",
      "length?: Length;",
      "export class Linter",
      "analyze(text: string, options?: AnalyzeOptions | null): Report;",
      "export interface Report",
      "export interface Diagnostic",
      "export interface ConfigError extends Error",
    ]) {
      assert.ok(dts.includes(name), `${file} lacks ${name}`);
    }
    // The web build's InitOutput lists the raw wasm exports (what init()
    // resolves to), not API results; everything else must be precise.
    const code = dts
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "")
      .replace(/export interface InitOutput \{[\s\S]*?\n\}/, "");
    assert.ok(!/\bany\b/.test(code), `${file} uses any`);
  }
});

for (const moduleResolution of ["bundler", "node16"]) {
  test(`a TypeScript program using the package compiles (moduleResolution ${moduleResolution})`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postlint-types-"));
    try {
      fs.mkdirSync(path.join(dir, "node_modules"));
      fs.symlinkSync(pkgDir, path.join(dir, "node_modules", "postlint"), "dir");
      fs.copyFileSync(path.join(testsDir, "types/usage.ts"), path.join(dir, "usage.mts"));
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "es2022",
          module: moduleResolution === "bundler" ? "esnext" : "node16",
          moduleResolution,
          lib: ["es2022", "dom", "esnext.disposable"],
          types: [],
          skipLibCheck: false,
          noUnusedLocals: false,
        },
        files: ["usage.mts"],
      };
      fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
      const tsc = path.join(bindingDir, "node_modules/typescript/bin/tsc");
      try {
        execFileSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", stdio: "pipe" });
      } catch (err) {
        assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
