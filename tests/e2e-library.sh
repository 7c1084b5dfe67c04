#!/bin/sh
# tests/e2e-library.sh — the example client of docs/library.md (docs/examples/client.c, built against include/sopcheck.h and libsopcheck.a): two versions of the rules, every writer, and its reports byte for byte those of `sopcheck check`.
#
# usage: sh tests/e2e-library.sh path/to/sopcheck
# The client is the one built beside the binary ($(BUILD)/docs/examples/client), or $SC_CLIENT (make memcheck
# runs it under valgrind that way).
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-library "$@"
CLIENT=${SC_CLIENT:-$(dirname "$BIN")/docs/examples/client}
if [ ! -x "$CLIENT" ]; then
    e2e_fail "no example client at $CLIENT (make $(dirname "$BIN")/docs/examples/client)"
    e2e_finish
fi

A=rules/zoetermeer-2023.rules
B=docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules
# the samples (all of 2026: the 2025 version judges them when both are given, though the 2023 one is the
# primary, whose names and item indices differ) and profiles of 2024 and 2026 (each version judges some)
PROFILES=$(LC_ALL=C ls fixtures/samples/*.yaml fixtures/tests-2025/profiles/*.yaml)

mkdir "$TMP/lib"
# shellcheck disable=SC2086
e2e_check "the client runs every writer over both versions and each alone" "$CLIENT" "$TMP/lib" $A $B $PROFILES

for run in ab a b; do
    case $run in
    ab) rules="--rules $A --rules $B" ;;
    a) rules="--rules $A" ;;
    b) rules="--rules $B" ;;
    esac
    for f in text json csv html sarif junit github; do
        # shellcheck disable=SC2086
        "$BIN" check --format "$f" $rules $PROFILES >"$TMP/cli.out" 2>"$TMP/cli.err"
        if [ -s "$TMP/cli.out" ] && cmp -s "$TMP/cli.out" "$TMP/lib/$run.$f"; then
            e2e_pass
        else
            e2e_fail "$run/$f: the client's report differs from sopcheck check's"
            diff "$TMP/cli.out" "$TMP/lib/$run.$f" 2>&1 | head -10 >&2
        fi
        if cmp -s "$TMP/cli.err" "$TMP/lib/$run.$f.err"; then
            e2e_pass
        else
            e2e_fail "$run/$f: the client's diagnostics differ from sopcheck check's standard error"
            diff "$TMP/cli.err" "$TMP/lib/$run.$f.err" 2>&1 | head -10 >&2
        fi
    done
done

# the walk saw each version judge some profile in the run with both, and the invalid sample's error
grep -q 'rules Basisondersteuning SWV PO Zoetermeer 2023-04-04: ' "$TMP/lib/ab.walk" && e2e_pass ||
    e2e_fail "no profile of the two-version run was judged by 2023"
grep -q 'rules Basisondersteuning SWV PO Zoetermeer 2025-08-01: ' "$TMP/lib/ab.walk" && e2e_pass ||
    e2e_fail "no profile of the two-version run was judged by 2025"
grep -q "error at 17:5: onbekende sleutel 'aanbod.dyslexi'" "$TMP/lib/ab.walk" && e2e_pass ||
    e2e_fail "the walk does not show the invalid sample's error"
# the text report shows the errors itself; every other format also sends them to its error stream
[ ! -s "$TMP/lib/ab.text.err" ] && grep -q "aanbod.dyslexi" "$TMP/lib/ab.json.err" && e2e_pass ||
    e2e_fail "errors: none to the text writer's error stream, the others' there"

e2e_finish
