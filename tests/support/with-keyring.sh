#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a command inside a private D-Bus session with an unlocked, throw-away
# gnome-keyring and a throw-away HOME, so keychain tests touch nothing of the user's.
set -euo pipefail
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tbu-keyring.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache"
mkdir -m 0700 "$tmp/runtime"
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
# gnome-keyring-daemon needs a non-empty password on stdin to create and unlock the
# login keyring without a prompter.
# shellcheck disable=SC2016 # expanded by the inner shell
exec dbus-run-session -- bash -c '
    printf %s tbu-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    exec "$@"' inner "$@"
