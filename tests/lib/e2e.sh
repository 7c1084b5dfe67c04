# tests/lib/e2e.sh — the frame every tests/e2e*.sh shares: the binary argument, the repository root, a temporary directory, the pass/fail counters and the summary line.
#
# A script sources it and calls, in this order:
#   e2e_init NAME "$@"   checks the one argument, the sopcheck binary; sets BIN (absolute), ROOT (the repository's top
#                        folder, also made the working directory), TMP (a fresh directory, removed on exit), and the
#                        counters PASSED and FAILED
#   e2e_pass             one check passed
#   e2e_fail MESSAGE     one check failed: 'NAME: FAIL: MESSAGE' on standard error
#   e2e_check DESC CMD…  one check: passes when CMD succeeds, else fails with DESC and CMD's output
#   e2e_finish           'NAME: N passed, N failed', and exits 0 only when nothing failed
# shellcheck shell=sh

e2e_init() {
    E2E_NAME=$1
    shift
    PASSED=0
    FAILED=0
    if [ $# -ne 1 ]; then
        echo "usage: sh tests/$E2E_NAME.sh path/to/sopcheck" >&2
        echo "$E2E_NAME: 0 passed, 1 failed"
        exit 2
    fi
    case $1 in
    /*) BIN=$1 ;;
    *) BIN=$(pwd)/$1 ;;
    esac
    if [ ! -x "$BIN" ]; then
        echo "$E2E_NAME: '$1' is not an executable" >&2
        echo "$E2E_NAME: 0 passed, 1 failed"
        exit 2
    fi
    ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 2
    cd "$ROOT" || exit 2
    # a short name, as mktemp makes it: some reports wrap a long path, and a test compares whole lines
    TMP=$(mktemp -d) || exit 2
    # chmod first: a test may leave an unreadable file or directory behind
    trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
    trap 'exit 130' INT TERM
}

e2e_pass() {
    PASSED=$((PASSED + 1))
}

e2e_fail() {
    FAILED=$((FAILED + 1))
    echo "$E2E_NAME: FAIL: $*" >&2
}

e2e_check() {
    e2e_desc=$1
    shift
    if "$@" >"$TMP/check.out" 2>&1; then
        e2e_pass
    else
        e2e_fail "$e2e_desc"
        sed 's/^/    /' "$TMP/check.out" | head -40 >&2
    fi
}

e2e_finish() {
    echo "$E2E_NAME: $PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ] || exit 1
    exit 0
}
