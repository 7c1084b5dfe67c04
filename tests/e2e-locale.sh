#!/bin/sh
# tests/e2e-locale.sh — a host locale with a decimal comma (nl_NL.UTF-8) changes no byte: check in every report format, diff, fmt, explain, template, test and compile, each run under LC_ALL=nl_NL.UTF-8 and compared with LC_ALL=C.
#
# sopcheck itself never calls setlocale, so this guards the command line against one that would creep in;
# tests/unit/test_locale.c is the library's side: it sets the locale itself and runs every writer.
# The locale comes from LOCPATH (make check compiles it into build/locale) or the system; when neither has it,
# it is compiled here with localedef, and when that fails too the script fails and says why.
#
# usage: sh tests/e2e-locale.sh path/to/sopcheck
set -eu

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-locale "$@"

NL=nl_NL.UTF-8
comma() {
    [ "$(LC_ALL=$NL locale -k decimal_point 2>/dev/null)" = 'decimal_point=","' ]
}
if ! comma; then
    mkdir -p "$TMP/locale"
    if localedef -i nl_NL -f UTF-8 "$TMP/locale/$NL" >/dev/null 2>&1 || [ -f "$TMP/locale/$NL/LC_NUMERIC" ]; then
        LOCPATH=$TMP/locale
        export LOCPATH
    fi
fi
if ! comma; then
    e2e_fail "the locale $NL is not available and localedef could not make it (apt-get install locales):" \
        "nothing was compared"
    e2e_finish
fi
e2e_pass

# same ARGS...: the output, standard error and exit status under nl_NL.UTF-8 are those under C
same() {
    rc_c=0
    rc_nl=0
    LC_ALL=C "$BIN" "$@" >"$TMP/c.out" 2>"$TMP/c.err" <"$STDIN" || rc_c=$?
    LC_ALL=$NL "$BIN" "$@" >"$TMP/nl.out" 2>"$TMP/nl.err" <"$STDIN" || rc_nl=$?
    if [ "$rc_c" -ne "$rc_nl" ]; then
        e2e_fail "sopcheck $*: exit status $rc_nl under $NL, $rc_c under C"
    elif ! cmp -s "$TMP/c.out" "$TMP/nl.out"; then
        e2e_fail "sopcheck $*: the output differs under $NL"
        diff "$TMP/c.out" "$TMP/nl.out" | head -10 >&2 || true
    elif ! cmp -s "$TMP/c.err" "$TMP/nl.err"; then
        e2e_fail "sopcheck $*: standard error differs under $NL"
        diff "$TMP/c.err" "$TMP/nl.err" | head -10 >&2 || true
    elif [ ! -s "$TMP/c.out" ] && [ ! -s "$TMP/c.err" ]; then
        e2e_fail "sopcheck $*: wrote nothing, so nothing was compared"
    else
        e2e_pass
    fi
}
STDIN=/dev/null

# a profile and rules with numbers of many digits, and with decimals that printf would write with a comma
sed 's/samenhang: 79.99/samenhang: 65.55/; s/eigenaarschap: 80.01/eigenaarschap: 50.123456789012/' \
    fixtures/profiles/hgw-randen.yaml >"$TMP/decimals.yaml"
sed 's/below 70$/below 70.25/; s/from 70 below 80$/from 70.25 below 80.123456789012/; s/from 80$/from 80.123456789012/' \
    rules/zoetermeer-2023.rules >"$TMP/decimals.rules"
e2e_check "the rules with decimal bands compile, and --dump shows every digit" \
    sh -c '"$1" compile --dump "$2" | grep -q "from 70.25 below 80.123456789012"' - "$BIN" "$TMP/decimals.rules"

for format in text json csv html sarif junit github; do
    for lang in nl en; do
        same check --format "$format" --lang "$lang" --ambitions fixtures/profiles fixtures/samples "$TMP/decimals.yaml"
        same check --format "$format" --lang "$lang" --rules "$TMP/decimals.rules" "$TMP/decimals.yaml" tests/bad
        same check --format "$format" --lang "$lang" --rules rules/ fixtures/profiles
    done
done
for format in text json; do
    same diff --format "$format" rules/zoetermeer-2023.rules docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules --profiles fixtures/profiles
    same diff --format "$format" rules/zoetermeer-2023.rules "$TMP/decimals.rules" --profiles fixtures/profiles "$TMP/decimals.yaml"
done
for rules in rules/*.rules "$TMP/decimals.rules"; do
    STDIN=$rules
    same fmt -
    STDIN=/dev/null
    same compile --dump "$rules"
    for lang in nl en; do
        same template --rules "$rules" --lang "$lang"
        same explain --rules "$rules" --lang "$lang" hgw.samenhang protocol.dyslexie A6 P1
    done
done
same test --coverage fixtures/tests

e2e_finish
