#!/usr/bin/env bash
# Runs the benchmarks (not part of the test suite): builds release binaries, runs every scenario
# against real hyctl processes on loopback, prints each figure beside its goal and writes
# BENCHMARKS.md. `scripts/bench.sh --quick` runs smaller sizes (about a minute). The postgres
# scenario runs beside a throwaway PostgreSQL server (scripts/with-postgres.sh), given the
# memory a dedicated server would have (PostgreSQL's defaults are sized for a small shared
# host: 128 MB of buffers, a checkpoint every 1 GB of WAL).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p hyctl -p hy-bench
export HYCTL_PG_SETTINGS="${HYCTL_PG_SETTINGS:--c shared_buffers=1GB -c max_wal_size=4GB}"
exec scripts/with-postgres.sh target/release/hy-bench target/release/hyctl --out BENCHMARKS.md "$@"
