#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: Debian's postgresql package (installed
# when missing), a fresh cluster in a temporary directory (initdb, fsync on), listening only on
# a Unix socket in that directory, owned by a non-root user. The command gets its URL in
# HYCTL_TEST_POSTGRES; the cluster is stopped and removed afterwards, whatever happens.
# HYCTL_PG_SETTINGS adds server settings (`-c name=value ...`); the benchmarks size memory so.
#   scripts/with-postgres.sh cargo nextest run -p hy-central
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bindir" ]]; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get install -y --no-install-recommends postgresql >/dev/null ||
    { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends postgresql >/dev/null; }
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/hyctl-pg.XXXXXX")
# initdb and postgres refuse to run as root: as root, the cluster belongs to `postgres`.
as=()
if [[ $(id -u) == 0 ]]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi
cleanup() {
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as[@]}" "$bindir/initdb" -D "$dir/data" -U hyctl -A trust -E UTF8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=on -c max_connections=300 ${HYCTL_PG_SETTINGS:-}" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export HYCTL_TEST_POSTGRES="postgresql://hyctl@localhost/postgres?host=$dir"
# Tests that need a server of their own (TLS on TCP, a restart under load) make one from these.
export HYCTL_TEST_PG_BINDIR="$bindir"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $dir for the tests" >&2
"$@"
