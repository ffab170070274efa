#!/usr/bin/env bash
# The bench (called by `./run bench`): installs what the Dash reference needs (Debian chromium
# and chromedriver; dash, numpy, selenium, plotly, psutil from PyPI), prints the storage figures
# (a JSON line), builds the latency, hello, todo and secure-pages examples in release, then
# prints hello's startup to first paint, the push path's sustained rate, the to-do figures and
# the page switch beside Dash's (a JSON line each), and last deskdash and Dash side by side,
# whose last line is one JSON object.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
for p in chromium chromium-driver; do
  dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; break; }
done
python3 -c "import dash, numpy, selenium, plotly, psutil" 2>/dev/null || python3 -m pip install -q dash numpy selenium plotly psutil
cargo build --release -p latency -p hello -p todo -p secure-pages
cargo build --release -p deskdash-tests --benches
# Storage figures first (durable store writes, server-side values); its last line is JSON too.
cargo bench -p deskdash-store --bench storage 2>/dev/null
dir=$(mktemp -d "${TMPDIR:-/tmp}/deskdash-bench.XXXXXX")
mkdir -p "$dir/run" && chmod 700 "$dir/run"
# Startup to first paint of the smallest app, also with the page cache dropped first when run
# as root (its own JSON line), then the side-by-side run against Dash, whose last line is the
# JSON of every figure.
[ "$(id -u)" = 0 ] && export DESKDASH_STARTUP_DROP_CACHES=1
HOME="$dir" XDG_RUNTIME_DIR="$dir/run" DESKDASH_INSTRUMENT=1 DESKDASH_PROFILE=release DESKDASH_TARGET_DIR="$ROOT/target" \
  dbus-run-session -- cargo bench -p deskdash-tests --bench startup 2>/dev/null
# The push path's sustained rate, with memory sampled over a minute (its own JSON line).
HOME="$dir" XDG_RUNTIME_DIR="$dir/run" DESKDASH_INSTRUMENT=1 DESKDASH_PROFILE=release DESKDASH_TARGET_DIR="$ROOT/target" \
  dbus-run-session -- cargo bench -p deskdash-tests --bench push 2>/dev/null
# The to-do app at 10, 200 and 1,000 tasks, and its load time (its own JSON line).
HOME="$dir" XDG_RUNTIME_DIR="$dir/run" DESKDASH_INSTRUMENT=1 DESKDASH_PROFILE=release DESKDASH_TARGET_DIR="$ROOT/target" \
  dbus-run-session -- cargo bench -p deskdash-tests --bench todo 2>/dev/null
# Page switch beside Dash's use_pages (its own JSON line), signed in on the system keychain.
HOME="$dir" XDG_RUNTIME_DIR="$dir/run" DESKDASH_PROFILE=release DESKDASH_TARGET_DIR="$ROOT/target" \
  dbus-run-session -- "$ROOT/tests/with-keyring" cargo bench -p deskdash-tests --bench pages 2>/dev/null
HOME="$dir" XDG_RUNTIME_DIR="$dir/run" DESKDASH_INSTRUMENT=1 DESKDASH_PROFILE=release DESKDASH_TARGET_DIR="$ROOT/target" \
  dbus-run-session -- cargo bench -p deskdash-tests --bench latency 2>/dev/null
