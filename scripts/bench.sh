#!/usr/bin/env bash
# Runs the benchmarks (not part of the test suite): builds release binaries, runs every scenario
# against real hyctl processes on loopback, prints each figure beside its goal and writes
# BENCHMARKS.md. `scripts/bench.sh --quick` runs smaller sizes (about a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p hyctl -p hy-bench
exec target/release/hy-bench target/release/hyctl --out BENCHMARKS.md "$@"
