#!/usr/bin/env bash
# Runs the benchmarks (not part of the test suite): builds release binaries, runs every scenario
# against real hyctl processes on loopback, prints each figure beside its goal and writes
# BENCHMARKS.md. `scripts/bench.sh --quick` runs smaller sizes (about a minute). The postgres
# scenario runs beside a throwaway PostgreSQL server (scripts/with-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p hyctl -p hy-bench
exec scripts/with-postgres.sh target/release/hy-bench target/release/hyctl --out BENCHMARKS.md "$@"
