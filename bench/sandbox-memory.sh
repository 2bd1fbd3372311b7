#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Posts a large file (default 2 GiB) to typebot-sandbox with curl -F, using the fields of a
# real ticket, and reports the sandbox's peak resident memory (VmHWM). The body is
# streamed to disk, so the figure should stay flat however large the file is.
#
# usage: bench/sandbox-memory.sh [path/to/typebot-sandbox] [size, default 2G]
set -euo pipefail

SANDBOX=${1:-${TYPEBOT_SANDBOX:-build-sandbox/sandbox/typebot-sandbox}}
SIZE=${2:-2G}
command -v curl >/dev/null || { echo "curl is required" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required (to read the ticket JSON)" >&2; exit 2; }
[ -x "$SANDBOX" ] || { echo "no typebot-sandbox at $SANDBOX" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sandbox-memory.XXXXXX")
PID=
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

"$SANDBOX" --port 0 --storage "$WORK/storage" >"$WORK/out.txt" 2>"$WORK/err.txt" &
PID=$!
for _ in $(seq 100); do
    grep -q '^Session: ' "$WORK/out.txt" 2>/dev/null && break
    sleep 0.1
done
API=$(sed -n 's/^API base: //p' "$WORK/out.txt")
SESSION=$(sed -n 's/^Session: //p' "$WORK/out.txt")
[ -n "$API" ] && [ -n "$SESSION" ] || { echo "sandbox did not start:" >&2; cat "$WORK/err.txt" >&2; exit 1; }

# A sparse file: no disk or page cache cost on the client side.
truncate -s "$SIZE" "$WORK/big.bin"
BYTES=$(stat -c %s "$WORK/big.bin")

curl -sS --noproxy '*' -X POST "$API/v2/generate-upload-url" -H 'Content-Type: application/json' \
    -d "{\"sessionId\":\"$SESSION\",\"fileName\":\"big.bin\",\"fileType\":\"application/octet-stream\",\"fileSize\":$BYTES}" \
    >"$WORK/ticket.json"

# curl -F arguments from formData, in the ticket's order (Python keeps JSON key order).
mapfile -d '' FORM < <(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))
for k, v in t["formData"].items():
    sys.stdout.write("--form-string\0%s=%s\0" % (k, v))
print(t["presignedUrl"], end="")' "$WORK/ticket.json")
URL=${FORM[-1]}
unset 'FORM[-1]'

RSS_BEFORE=$(awk '/^VmRSS/ {print $2}' /proc/$PID/status)
START=$(date +%s.%N)
STATUS=$(curl -sS --noproxy '*' -o "$WORK/response.txt" -w '%{http_code}' "${FORM[@]}" \
    -F "file=@$WORK/big.bin;type=application/octet-stream" "$URL")
END=$(date +%s.%N)
HWM=$(awk '/^VmHWM/ {print $2}' /proc/$PID/status)
STORED=$(find "$WORK/storage/objects" -type f ! -name '*.json' -printf '%s\n' | head -1)

echo "file size:        $BYTES bytes"
echo "upload status:    $STATUS (stored $STORED bytes)"
echo "upload time:      $(python3 -c "print(f'{$END - $START:.2f} s, {$BYTES / ($END - $START) / 1e6:.0f} MB/s')")"
echo "sandbox RSS idle: ${RSS_BEFORE} kB"
echo "sandbox peak RSS: ${HWM} kB (VmHWM)"
[ "$STATUS" = 204 ] && [ "$STORED" = "$BYTES" ]
