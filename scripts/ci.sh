#!/usr/bin/env bash
# Everything CI checks, in the order that fails fastest. Runnable locally: scripts/ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --workspace --locked --no-fail-fast
else
  cargo test --workspace --locked --no-fail-fast
fi
# The generated-files tests already failed above if stale; this catches hand edits.
git diff --exit-code -- completions man
