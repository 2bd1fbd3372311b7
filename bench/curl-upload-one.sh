#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The baseline the benchmarks compare against: both Typebot steps for one file with curl
# and one jq call, the way a shell script would do it.
# Usage: curl-upload-one.sh API_BASE SESSION FILE [CONTENT_TYPE]
set -euo pipefail
api=$1 session=$2 file=$3 type=${4:-application/octet-stream}
name=${file##*/}
ticket=$(curl -sS -f -X POST -H 'Content-Type: application/json' \
    --data "{\"sessionId\":\"$session\",\"fileName\":\"$name\",\"fileType\":\"$type\"}" \
    "$api/v2/generate-upload-url")
mapfile -t words < <(jq -r '.presignedUrl, (.formData | to_entries[] | "--form-string", "\(.key)=\(.value)")' <<<"$ticket")
curl -sS -f -o /dev/null "${words[@]:1}" -F "file=@$file;type=$type" "${words[0]}"
