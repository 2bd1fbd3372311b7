#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks typebot-upload against curl, by hand (never from ctest): throughput and CPU
# for one big file, many small files, and peak RSS as files grow. Prints medians and
# ratios against curl.
#
# Receiver: the project's own typebot-sandbox executable, as a separate process. It plays
# both steps (the API signs a real S3 POST policy; the bucket parses the multipart body as
# it streams, checks the policy and writes to disk), so typebot-upload and curl do exactly
# the same protocol work against the same server, and the receiver's CPU is not counted in
# the client's. s3rver (node) buffers and would be the bottleneck.
#
# Environment: BUILD_DIR (default build-bench), RUNS (default 5), BIG_RUNS (4 GiB case,
# default 3), WORK (scratch dir, default under /var/tmp), SKIP_4G=1.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
runs=${RUNS:-5}
big_runs=${BIG_RUNS:-3}
work=${WORK:-$(mktemp -d /var/tmp/tbu-bench.XXXXXX)}
mkdir -p "$work"
one="$root/bench/curl-upload-one.sh"

echo "== building Release in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTBU_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" -j2 typebot-upload typebot-sandbox >/dev/null
tbu="$build/app/cli/typebot-upload"
sandbox="$build/sandbox/typebot-sandbox"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
session=bench-session
# Typebot 3.15 (a signed POST policy, v2 and v3) so that curl -F does the same protocol
# work; --discard so that the receiver checks the policy but is not the disk's speed.
"$sandbox" --port "$port" --storage "$work/store" --session "$session" --expiry 3600 \
    --server-version 3.15 --discard >"$work/sandbox.log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
api="http://127.0.0.1:$port/api"
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.1
done

echo "== preparing files in $work"
truncate -s 100M "$work/file-100m.bin"
truncate -s 1G "$work/file-1g.bin"
[[ ${SKIP_4G:-} ]] || truncate -s 4G "$work/file-4g.bin"
mkdir -p "$work/small"
if [[ ! -f $work/small/f-1000.bin ]]; then
    for i in $(seq 1000); do head -c 65536 /dev/urandom >"$work/small/f-$i.bin"; done
fi
# Read everything once so the page cache is warm for every contender.
cat "$work"/file-*.bin "$work"/small/* >/dev/null

results="$work/results.txt"
: >"$results"
# measure LABEL CMD...: wall s, CPU s (user+sys), peak RSS KiB of CMD and its children.
measure() {
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >/dev/null 2>"$work/cmd.err" || {
        echo "!! $label failed:" >&2
        cat "$work/cmd.err" >&2
        return 1
    }
    read -r wall user sys rss <"$work/time.out"
    echo "$label $wall $(echo "$user + $sys" | bc -l) $rss" >>"$results"
}
median() { # LABEL FIELD(2 wall, 3 cpu, 4 rss)
    awk -v l="$1" -v f="$2" '$1 == l { print $f }' "$results" | sort -g \
        | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# A ticket for curl's big upload, fetched outside the timing (curl -F then does step 2 only).
curl_form_args() { # FILE -> words in $work/form.args (NUL-separated), URL last
    local name=${1##*/}
    curl -sS -f -X POST -H 'Content-Type: application/json' \
        --data "{\"sessionId\":\"$session\",\"fileName\":\"$name\",\"fileType\":\"application/octet-stream\"}" \
        "$api/v2/generate-upload-url" \
        | jq -j '(.formData | to_entries[] | "--form-string", "\u0000", "\(.key)=\(.value)", "\u0000"), .presignedUrl, "\u0000"' \
        >"$work/form.args"
}
curl_big() { # FILE
    curl_form_args "$1"
    mapfile -d '' -t words <"$work/form.args"
    local url=${words[-1]}
    unset 'words[-1]'
    measure "$2" curl -sS -f -o /dev/null "${words[@]}" -F "file=@$1;type=application/octet-stream" "$url"
}
tbu_run() { # LABEL ARGS...
    local label=$1
    shift
    measure "$label" "$tbu" --api "$api" --session "$session" -q "$@"
}

echo "== (1) one 1 GiB file, $runs runs each"
tbu_run warmup "$work/file-1g.bin"
for _ in $(seq "$runs"); do
    tbu_run tbu-1g "$work/file-1g.bin"
    curl_big "$work/file-1g.bin" curl-1g
done

echo "== (2) 1000 files of 64 KiB, $runs runs each"
export -f measure 2>/dev/null || true
for _ in $(seq "$runs"); do
    tbu_run tbu-1000 -j 6 -r "$work/small"
    measure loop-1000 bash -c 'for f in "$3"/small/*; do "$0" "$1" "$2" "$f"; done' \
        "$one" "$api" "$session" "$work"
    measure xargs-1000 bash -c 'printf "%s\0" "$3"/small/* | xargs -0 -P 6 -n 1 "$0" "$1" "$2"' \
        "$one" "$api" "$session" "$work"
done

echo "== (3) peak RSS by file size"
for _ in $(seq "$runs"); do
    tbu_run tbu-100m "$work/file-100m.bin"
done
if [[ ! ${SKIP_4G:-} ]]; then
    for _ in $(seq "$big_runs"); do
        tbu_run tbu-4g "$work/file-4g.bin"
        curl_big "$work/file-4g.bin" curl-4g
    done
fi

echo
echo "== medians (wall s, CPU s, peak RSS MiB); raw runs in $results"
row() { # LABEL [BASELINE]
    local w c r
    w=$(median "$1" 2) c=$(median "$1" 3) r=$(median "$1" 4)
    [[ -z $w ]] && return 0
    printf '%-11s wall %8.2f  cpu %8.2f  rss %7.1f' "$1" "$w" "$c" "$(echo "$r / 1024" | bc -l)"
    if [[ ${2:-} ]]; then
        local bw bc_ br
        bw=$(median "$2" 2) bc_=$(median "$2" 3) br=$(median "$2" 4)
        printf '   vs %s: wall x%.2f  cpu x%.2f  rss x%.1f' "$2" \
            "$(echo "$w / $bw" | bc -l)" "$(echo "$c / $bc_" | bc -l)" "$(echo "$r / $br" | bc -l)"
    fi
    echo
}
row curl-1g
row tbu-1g curl-1g
row loop-1000
row xargs-1000 loop-1000
row tbu-1000 xargs-1000
printf '%-11s (vs the sequential loop) wall x%.2f\n' tbu-1000 \
    "$(echo "$(median tbu-1000 2) / $(median loop-1000 2)" | bc -l)"
row tbu-100m
row tbu-1g
if [[ -z ${SKIP_4G:-} ]]; then
    row curl-4g
    row tbu-4g curl-4g
fi
