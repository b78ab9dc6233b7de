#!/usr/bin/env bash
# Supply chain: every dependency's licence is one deny.toml allows, no banned
# crate or wildcard version is in the graph, and every crate comes from
# crates.io. Installs cargo-deny when
# missing (built from crates.io, a few minutes once per machine).
#
# Not checked here: `cargo deny check advisories` needs the RustSec advisory
# database, fetched from GitHub, which this project's machines cannot reach.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo deny --version >/dev/null 2>&1; then
  cargo install cargo-deny --locked
fi
cargo deny --version
cargo deny check licenses bans sources
