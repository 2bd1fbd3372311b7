# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for typebot-upload(1); the options are those of `typebot-upload --help`
# (tests/cli/testcliconventions.cpp checks that they agree).

_typebot_upload()
{
    # shellcheck disable=SC2034 # words and cword are set by _init_completion
    local cur prev words cword split
    _init_completion -s || return

    case $prev in
        --api | --session | --block | --token | --bot | --answer | --retries | \
            --stall-timeout | -j | --concurrency | --limit-rate)
            return # a value of the user's own
            ;;
        --token-file | --ca-file | --files-from)
            _filedir
            return
            ;;
        --data-dir)
            _filedir -d
            return
            ;;
        --transport)
            mapfile -t COMPREPLY < <(compgen -W 'curl qnam' -- "$cur")
            return
            ;;
    esac
    $split && return

    if [[ $cur == -* ]]; then
        local opts="-h --help --help-all --version
            --api --session --block --token-file --token --ca-file --allow-insecure-http
            --sandbox --forget-server
            --bot --answer --no-submit --preview
            -r --recursive --files-from -0 --null --resume
            -j --concurrency --retries --stall-timeout --limit-rate --transport
            --data-dir --no-history
            -q --quiet -v --verbose --json --print-curl --show-secrets"
        mapfile -t COMPREPLY < <(compgen -W "$opts" -- "$cur")
        return
    fi
    _filedir
}
complete -F _typebot_upload typebot-upload
