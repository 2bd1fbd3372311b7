#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest driver: installs the pinned npm packages into the build tree with `npm ci`, then
# runs e2e.mjs. No network for npm is a failure; only a missing node skips (exit 77).
# Usage: run-e2e.sh SOURCE_DIR WORK_DIR TYPEBOT_UPLOAD_BINARY
set -euo pipefail
src=$1 work=$2 bin=$3

# scripts/deps installs node; without it (a hand-made build) the test is skipped, loudly.
command -v node >/dev/null || { echo "e2e: SKIPPED: node is not installed (scripts/deps installs it)" >&2; exit 77; }
command -v npm >/dev/null || { echo "e2e: FAIL: npm is not installed" >&2; exit 1; }
mkdir -p "$work"
cp "$src/package.json" "$src/package-lock.json" "$src/e2e.mjs" "$work/"
cd "$work"
# npm ci wipes node_modules; skip it when this exact lock file is already installed.
stamp=node_modules/.tbu-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    echo "e2e: npm ci in $work"
    if ! npm ci --no-audit --no-fund; then
        echo "e2e: FAIL: npm ci failed (is the npm registry reachable?)" >&2
        exit 1
    fi
    echo "$want" >"$stamp"
fi
exec node e2e.mjs "$bin"
