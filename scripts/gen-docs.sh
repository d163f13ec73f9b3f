#!/usr/bin/env bash
# Regenerates the committed shell completions (completions/) and man pages (man/) from the clap
# definition. CI fails when they are stale; run this and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_GENERATED=1 cargo test -p hyctl --test cli generated
