#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmarks the upload step alone with both transports (libcurl, QNAM) against the curl
# binary, in one run, by hand (never from ctest): one big file (wall, CPU, peak RSS) and many
# 64 KiB files on one kept-alive connection (ms per upload), over HTTP and HTTPS.
#
# Receiver: typebot-sandbox as a separate process, playing Typebot 3.15 (a signed POST policy
# checked as the multipart body streams in). It has no discard mode yet: it WRITES every
# object to its storage, which this script puts on tmpfs (/dev/shm) when there is one, so
# the receiver costs a memory copy, not a disk write. If the sandbox gains `--discard`, the
# script uses it. The receiver shares the machine's cores with the client: on a 2-core box
# the figures are a floor for every contender alike. Tickets are fetched outside the timing
# for curl; bench_transport fetches its own (one small API call per upload, in its CPU).
#
# Environment: BUILD_DIR (default build-bench), SIZE_MB (big file, default 200), RUNS (big
# file runs per contender, default 3), SMALL (64 KiB uploads per run, default 100),
# TLS (default 1: HTTPS too, with a self-signed certificate), WORK (scratch dir).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
[[ $build == /* ]] || build=$root/$build
size_mb=${SIZE_MB:-200}
runs=${RUNS:-3}
small=${SMALL:-100}
tls=${TLS:-1}
work=${WORK:-$(mktemp -d /var/tmp/tbu-transport.XXXXXX)}
mkdir -p "$work"

echo "== building Release in $build"
if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
ninja -C "$build" -j2 bench_transport typebot-sandbox >/dev/null
bench="$build/bench/bench_transport"
sandbox="$build/sandbox/typebot-sandbox"

store_root=/dev/shm
[[ -d $store_root && -w $store_root ]] || store_root=$work
store=$(mktemp -d "$store_root/tbu-transport-store.XXXXXX")
discard=()
if "$sandbox" --help 2>/dev/null | grep -q -- '--discard'; then
    discard=(--discard)
    echo "== receiver: typebot-sandbox --discard"
else
    echo "== receiver: typebot-sandbox writing to $store (no --discard mode yet)"
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$store"
}
trap cleanup EXIT

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
session=bench-session
# start_sandbox SCHEME -> sets $api; extra sandbox arguments follow
start_sandbox() {
    local scheme=$1
    shift
    local port
    port=$(free_port)
    "$sandbox" --port "$port" --storage "$store" --session "$session" --expiry 3600 \
        --server-version 3.15 "${discard[@]}" "$@" >"$work/sandbox-$scheme.log" 2>&1 &
    pids+=($!)
    api="$scheme://127.0.0.1:$port/api"
    for _ in $(seq 100); do
        curl -s -o /dev/null "${curl_tls[@]}" "$scheme://127.0.0.1:$port/" && return 0
        sleep 0.1
    done
    echo "the sandbox did not start; see $work/sandbox-$scheme.log" >&2
    exit 1
}

echo "== preparing files in $work"
big="$work/big-${size_mb}m.bin"
[[ -f $big ]] || head -c "$((size_mb * 1024 * 1024))" /dev/urandom >"$big"
head -c 65536 /dev/urandom >"$work/small-64k.bin"
cat "$big" >/dev/null # warm the page cache for every contender

results="$work/results.txt"
: >"$results"
# measure LABEL CMD...: wall s, CPU s (user+sys), peak RSS KiB; CMD's stdout in $work/out.txt
measure() {
    local label=$1
    shift
    /usr/bin/time -f '%e %U %S %M' -o "$work/time.out" "$@" >"$work/out.txt" 2>"$work/cmd.err" || {
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

# A ticket as curl arguments (NUL-separated words in FILE, the URL last).
curl_ticket() { # NAME OUTFILE
    curl -sS -f "${curl_tls[@]}" -X POST -H 'Content-Type: application/json' \
        --data "{\"sessionId\":\"$session\",\"fileName\":\"$1\",\"fileType\":\"application/octet-stream\"}" \
        "$api/v2/generate-upload-url" \
        | jq -j '(.formData | to_entries[] | "--form-string", "\u0000", "\(.key)=\(.value)", "\u0000"), .presignedUrl, "\u0000"' \
            >"$2"
}
curl_big() { # LABEL
    curl_ticket "${big##*/}" "$work/form.args"
    mapfile -d '' -t words <"$work/form.args"
    local url=${words[-1]}
    unset 'words[-1]'
    measure "$1" curl -sS -f "${curl_tls[@]}" -o /dev/null "${words[@]}" \
        -F "file=@$big;type=application/octet-stream" "$url"
}
# SMALL uploads in one curl process, --next between them: one kept-alive connection.
curl_small() { # LABEL
    local config="$work/small.curlrc"
    : >"$config"
    for i in $(seq "$small"); do
        curl_ticket small-64k.bin "$work/form.args"
        mapfile -d '' -t words <"$work/form.args"
        local url=${words[-1]}
        unset 'words[-1]'
        ((i > 1)) && echo "next" >>"$config"
        {
            echo "silent"
            echo "fail"
            echo "output = \"/dev/null\""
            for ((w = 0; w < ${#words[@]}; w += 2)); do
                printf 'form-string = "%s"\n' "${words[w + 1]//\"/\\\"}"
            done
            echo "form = \"file=@$work/small-64k.bin;type=application/octet-stream\""
            echo "url = \"$url\""
        } >>"$config"
        ((${#curl_tls[@]})) && printf 'cacert = "%s"\n' "$cert" >>"$config"
    done
    measure "$1" curl -K "$config"
}
ours() { # LABEL TRANSPORT ARGS...
    local label=$1 transport=$2
    shift 2
    measure "$label" "$bench" --api "$api" --session "$session" --transport "$transport" \
        "${ours_tls[@]}" "$@"
}

run_suite() { # SCHEME
    local s=$1
    echo "== ($s) one ${size_mb} MiB file, $runs runs each"
    ours "$s-warmup" curl "$big"
    for _ in $(seq "$runs"); do
        curl_big "$s-big-curlbin"
        ours "$s-big-libcurl" curl "$big"
        ours "$s-big-qnam" qnam "$big"
    done
    echo "== ($s) $small uploads of 64 KiB on one connection"
    curl_small "$s-small-curlbin"
    ours "$s-small-libcurl" curl --repeat "$small" "$work/small-64k.bin"
    grep '^summary' "$work/out.txt" | sed "s/^/   $s libcurl: /"
    ours "$s-small-qnam" qnam --repeat "$small" "$work/small-64k.bin"
    grep '^summary' "$work/out.txt" | sed "s/^/   $s qnam:    /"
}

curl_tls=()
ours_tls=()
start_sandbox http
run_suite http

if [[ $tls == 1 ]]; then
    cert="$work/cert.pem"
    key="$work/key.pem"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$key" -out "$cert" -days 1 \
        -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1
    curl_tls=(--cacert "$cert")
    ours_tls=(--ca-file "$cert")
    start_sandbox https --tls-cert "$cert" --tls-key "$key"
    run_suite https
fi

echo
echo "== medians (wall s, CPU s, peak RSS MiB); raw runs in $results"
row() { # LABEL [BASELINE] [PER]
    local w c r
    w=$(median "$1" 2) c=$(median "$1" 3) r=$(median "$1" 4)
    [[ -z $w ]] && return 0
    printf '%-20s wall %7.2f  cpu %7.2f  rss %6.1f' "$1" "$w" "$c" "$(echo "$r / 1024" | bc -l)"
    if [[ ${3:-} ]]; then
        printf '  (%.1f ms per upload)' "$(echo "$w * 1000 / $3" | bc -l)"
    fi
    if [[ ${2:-} ]]; then
        local bw bc_
        bw=$(median "$2" 2) bc_=$(median "$2" 3)
        printf '   vs curl: throughput x%.2f  cpu x%.2f' \
            "$(echo "$bw / $w" | bc -l)" "$(echo "$c / $bc_" | bc -l)"
    fi
    echo
}
for s in http https; do
    grep -q "^$s-big-curlbin " "$results" || continue # that scheme was not run (TLS=0)
    row "$s-big-curlbin"
    row "$s-big-libcurl" "$s-big-curlbin"
    row "$s-big-qnam" "$s-big-curlbin"
    row "$s-small-curlbin" "" "$small"
    row "$s-small-libcurl" "$s-small-curlbin" "$small"
    row "$s-small-qnam" "$s-small-curlbin" "$small"
done
echo "(small: wall includes process start and, for ours, one ticket call per upload; the"
echo " bench_transport summary lines above give the upload step alone)"
