#!/usr/bin/env bash
# Everything CI checks, in the order that fails fastest. Runnable locally: scripts/ci.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# Tests that need an outside tool skip without it locally, and fail under CI=true.
export CI="${CI:-true}"

# Outside tools some tests run: mandoc (`mandoc -T lint` on the man pages), fish (its completion
# of `hyctl completions <shell>`), Chromium and its WebDriver (the panel's browser tests), nginx
# with its RTMP module (the media node's tests).
# Debian packages.
missing=()
command -v mandoc >/dev/null || missing+=(mandoc)
command -v fish >/dev/null || missing+=(fish)
# A real browser for the web panel's tests (daemon/central/tests/panel.rs).
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
# A real nginx-rtmp for the media node's tests (daemon/stream/tests/nginx_rtmp.rs).
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
[[ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ]] || missing+=(libnginx-mod-rtmp)
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo="sudo"
  # A failed install is not fatal here: the tests that need the tool say what is missing.
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null 2>&1 &&
      $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } ||
    echo "ci.sh: could not install ${missing[*]}; the tests that run them will fail" >&2
fi

# A real sing-box, which checks the sing-box configs central serves (scripts/sing-box.sh).
if sing_box=$(scripts/sing-box.sh); then
  export HYCTL_TEST_SING_BOX="$sing_box"
else
  echo "ci.sh: could not fetch sing-box; the subscription tests that run it will fail" >&2
fi

cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
# The suite runs beside a throwaway PostgreSQL server (HYCTL_TEST_POSTGRES), for the tests of
# the PostgreSQL backend; under CI=true they fail rather than skip without it. Then every test
# that starts a central runs again with that central on PostgreSQL (HYCTL_TEST_BACKEND), from
# the same test code; the store and postgres modules pick their backends themselves.
scripts/with-postgres.sh bash -c '
  status=0
  if cargo nextest --version >/dev/null 2>&1; then
    cargo nextest run --workspace --locked --no-fail-fast || status=$?
    echo "ci.sh: again, every central on PostgreSQL" >&2
    HYCTL_TEST_BACKEND=postgres cargo nextest run --workspace --locked --no-fail-fast \
      -E "not test(/^(store|postgres)::/)" || status=$?
  else
    cargo test --workspace --locked --no-fail-fast || status=$?
    echo "ci.sh: again, every central on PostgreSQL" >&2
    HYCTL_TEST_BACKEND=postgres cargo test --workspace --locked --no-fail-fast || status=$?
  fi
  exit "$status"'
# The generated-files tests already failed above if stale; this catches hand edits.
git diff --exit-code -- completions man
