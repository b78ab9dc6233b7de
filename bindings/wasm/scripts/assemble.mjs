// Second half of build.sh: turns the three wasm-bindgen outputs in pkg/ into
// one npm package. Adds an entry point per build that wraps the generated
// glue with js/shell.js, types for every entry, package.json with "exports",
// and the README; then copies the web build next to the demo page.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const repo = path.resolve(root, "../..");
const pkg = path.join(root, "pkg");

const write = (rel, text) => fs.writeFileSync(path.join(pkg, rel), text);
const read = (rel) => fs.readFileSync(path.join(pkg, rel), "utf8");

// What the shell returns; the same names as the generated .d.ts declares.
const NAMES = ["analyze", "applyFixes", "rules", "tokenize", "Linter", "__panicForTesting", "__abortForTesting"];
const shell = fs.readFileSync(path.join(root, "js/shell.js"), "utf8");

// ESM builds: web and bundler.
for (const dir of ["web", "bundler"]) {
  write(`${dir}/shell.js`, shell);
  let entry =
    `import * as raw from "./postlint_wasm.js";\n` +
    `import { wrap } from "./shell.js";\n\n` +
    `export const { ${NAMES.join(", ")} } = wrap(raw);\n`;
  if (dir === "web") entry += `export { default, initSync } from "./postlint_wasm.js";\n`;
  write(`${dir}/index.js`, entry);
  write(`${dir}/index.d.ts`, read(`${dir}/postlint_wasm.d.ts`));
}

// Node build: wasm-bindgen's nodejs glue is CommonJS.
const head = "export function wrap(raw) {";
if (!shell.includes(head)) throw new Error(`js/shell.js must contain \`${head}\``);
write(
  "node/shell.cjs",
  `"use strict";\n` + shell.replace(head, "function wrap(raw) {") + `\nmodule.exports = { wrap };\n`,
);
write(
  "node/index.cjs",
  `"use strict";\n` +
    `const raw = require("./postlint_wasm.js");\n` +
    `const { wrap } = require("./shell.cjs");\n\n` +
    `module.exports = wrap(raw);\n`,
);
write(
  "node/index.mjs",
  `import api from "./index.cjs";\n\nexport const { ${NAMES.join(", ")} } = api;\n`,
);
const nodeTypes = read("node/postlint_wasm.d.ts");
write("node/index.d.cts", nodeTypes);
write("node/index.d.mts", nodeTypes);
// The package is "type": "module"; the nodejs glue (.js) is CommonJS.
write("node/package.json", JSON.stringify({ type: "commonjs" }, null, 2) + "\n");

// package.json
const cargo = fs.readFileSync(path.join(repo, "Cargo.toml"), "utf8");
const version = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (!version) throw new Error("no [workspace.package] version in Cargo.toml");
const manifest = {
  name: "postlint",
  version,
  description:
    "Lint social-media drafts: how salesy, personal, conversational and identity-reflecting they read, with diagnostics (WebAssembly).",
  license: "MIT OR Apache-2.0",
  keywords: ["lint", "social-media", "writing", "webassembly", "wasm"],
  type: "module",
  main: "./node/index.cjs",
  types: "./bundler/index.d.ts",
  exports: {
    ".": {
      node: {
        import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
        require: { types: "./node/index.d.cts", default: "./node/index.cjs" },
      },
      types: "./bundler/index.d.ts",
      default: "./bundler/index.js",
    },
    "./web": { types: "./web/index.d.ts", default: "./web/index.js" },
    "./web/postlint_wasm_bg.wasm": "./web/postlint_wasm_bg.wasm",
    "./bundler": { types: "./bundler/index.d.ts", default: "./bundler/index.js" },
    "./node": {
      import: { types: "./node/index.d.mts", default: "./node/index.mjs" },
      require: { types: "./node/index.d.cts", default: "./node/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  files: ["web", "node", "bundler", "README.md"],
};
write("package.json", JSON.stringify(manifest, null, 2) + "\n");
fs.copyFileSync(path.join(root, "README.md"), path.join(pkg, "README.md"));
// wasm-bindgen writes a .gitignore of its own ("*") into each output folder;
// npm would read it as an ignore list, so drop it.
for (const dir of ["web", "node", "bundler"]) fs.rmSync(path.join(pkg, dir, ".gitignore"), { force: true });

// The demo loads the web build from demo/pkg/.
const demoPkg = path.join(root, "demo/pkg");
fs.rmSync(demoPkg, { recursive: true, force: true });
fs.cpSync(path.join(pkg, "web"), demoPkg, { recursive: true });
