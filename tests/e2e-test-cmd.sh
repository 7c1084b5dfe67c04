#!/bin/sh
# tests/e2e-test-cmd.sh — end-to-end checks of `sopcheck test`: the fixtures pass, deliberately wrong tests fail with the right differences, exit codes hold.
#
# usage: sh tests/e2e-test-cmd.sh path/to/sopcheck
set -eu

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-test-cmd "$@"

pass() { e2e_pass; }
fail() {
    e2e_fail "$WHAT: $1"
    echo "--- output of: sopcheck $ARGS" >&2
    printf '%s\n' "$OUT" | sed 's/^/    /' >&2
}

# run ARGS...: runs sopcheck with stdout and stderr together in $OUT and the exit status in $RC
run() {
    ARGS=$*
    RC=0
    OUT=$("$BIN" "$@" 2>&1) || RC=$?
}

expect_rc() {
    if [ "$RC" -eq "$1" ]; then pass; else fail "exit status $RC, expected $1"; fi
}
# a whole line of the output, exactly
expect_line() {
    if printf '%s\n' "$OUT" | grep -Fqx -- "$1"; then pass; else fail "no line: $1"; fi
}
# text somewhere in the output
expect_text() {
    if printf '%s\n' "$OUT" | grep -Fq -- "$1"; then pass; else fail "no text: $1"; fi
}
expect_no_text() {
    if printf '%s\n' "$OUT" | grep -Fq -- "$1"; then fail "unexpected text: $1"; else pass; fi
}
expect_last_line() {
    last=$(printf '%s\n' "$OUT" | tail -n 1)
    if [ "$last" = "$1" ]; then pass; else fail "last line is '$last', expected '$1'"; fi
}

D=tests/data/testcmd

# --- the fixtures: every test passes ---------------------------------------------------------
WHAT="fixtures"
run test fixtures/tests
expect_rc 0
n=$(find fixtures/tests -name "*.test.yaml" | wc -l | tr -d ' ')
expect_last_line "$n passed, 0 failed"
expect_no_text "FAIL "
expect_line "PASS fixtures/tests/faalt-a05.test.yaml  Faalt alleen afspraak 5 (veiligheid)"

WHAT="fixtures with a trailing slash and --coverage"
run test --coverage fixtures/tests/
expect_rc 0
expect_last_line "$n passed, 0 failed"
expect_line "PASS fixtures/tests/faalt-a05.test.yaml  Faalt alleen afspraak 5 (veiligheid)"
expect_text "norms not seen both met and not met:"
expect_text "ambitions not seen both reached and open:"
expect_text "band categories no banded item fell in:"
if printf '%s\n' "$OUT" | grep -Eq '^coverage: [0-9]+ of [0-9]+ outcomes seen \([0-9]+\.[0-9]%\)$'; then pass; else fail "no percentage line"; fi

WHAT="one fixture file, Dutch"
run test --lang nl fixtures/tests/faalt-a06.test.yaml
expect_rc 0
expect_last_line "1 passed, 0 failed"

# --- tests that must pass: inline profiles ---------------------------------------------------
WHAT="inline profiles"
run test $D/pass
expect_rc 0
expect_line "PASS $D/pass/inline-ongeldig.test.yaml  Inline profiel: ongeldig, fouten op regel:kolom binnen het blok"
expect_line "PASS $D/pass/inline-onvolledig.test.yaml  Inline profiel: onvolledig"
expect_last_line "2 passed, 0 failed"

# --- tests that must fail, each with its differences or errors --------------------------------
WHAT="deliberately failing tests"
run test $D/fail
expect_rc 1
expect_last_line "0 passed, 7 failed"
expect_no_text "PASS "

# a wrong expected status
expect_line "FAIL $D/fail/status.test.yaml  Verkeerde status verwacht"
expect_line "  status: expected compliant, got not_compliant"

# wrong exact sets, an item, a category and an ambition
expect_line "FAIL $D/fail/verzameling.test.yaml  Verkeerde exacte verzamelingen"
expect_line "  afspraken_niet_gehaald: expected [A5], got [A6]"
expect_line "    A6 is not met because of hgw.smart_doelen (profile line 60)"
expect_line "  beloftes_niet_gehaald: expected [P2], got [P2, P4]"
expect_line "    P4 is not met because of A6"
expect_line "  items.hgw.smart_doelen: expected met, got not_met (profile line 60)"
expect_line "  categorieen.hgw.smart_doelen: expected ontwikkeld, got in_ontwikkeling (profile line 60)"
expect_line "  ambities.aanbod.rekenproblemen: expected reached, got open (profile line 22)"

# a typo'd key in verwacht
expect_line "FAIL $D/fail/tikfout-sleutel.test.yaml  Tikfout in verwacht"
expect_line "$D/fail/tikfout-sleutel.test.yaml:6:3: error: unknown key 'afspraken_niet_gehaal' in 'verwacht'; did you mean 'afspraken_niet_gehaald'?"
expect_line "      afspraken_niet_gehaal: [A5]"
expect_line "      ^"

# an unknown item id
expect_line "FAIL $D/fail/onbekend-item.test.yaml  Onbekend item"
expect_line "$D/fail/onbekend-item.test.yaml:7:5: error: unknown item 'veiligheid.belied'; did you mean 'veiligheid.beleid'?"

# a missing profile file
expect_line "FAIL $D/fail/geen-profiel.test.yaml  Profielbestand ontbreekt"
expect_line "$D/fail/geen-profiel.test.yaml:3:10: error: cannot read profile '$D/profiles/bestaat-niet.yaml': no such file"

# an inline profile: positions count within the block
expect_line "FAIL $D/fail/inline.test.yaml  Inline profiel met verkeerde verwachtingen"
expect_line "  fouten: expected [4:3], got [5:22]"
expect_text "$D/fail/inline.test.yaml[profiel_inline]:5:22: 'misschien'"
expect_line "  items.veiligheid.beleid: expected met, got nothing (the profile is invalid)"

# unknown words and a missing status
expect_line "FAIL $D/fail/woorden.test.yaml  Onbekende woorden"
expect_text "$D/fail/woorden.test.yaml:5:15: error: unknown agreement 'A15'"
expect_line "$D/fail/woorden.test.yaml:5:33: error: unknown status 'niet_gehaald' for 'A6'"
expect_line "$D/fail/woorden.test.yaml:7:23: error: unknown category 'in_ontwikkelng' for 'hgw.smart_doelen'; did you mean 'in_ontwikkeling'?"
expect_line "$D/fail/woorden.test.yaml:8:5: error: 'aanbod.dyscalculie' has no categories"
expect_line "$D/fail/woorden.test.yaml:4:1: error: 'verwacht' has no 'status'"

WHAT="differences in Dutch"
run test --lang nl $D/fail/verzameling.test.yaml
expect_rc 1
expect_line "  afspraken_niet_gehaald: verwacht [A5], gekregen [A6]"
expect_last_line "0 passed, 1 failed"

WHAT="passing and failing tests together"
run test $D/fail/status.test.yaml fixtures/tests/faalt-a05.test.yaml
expect_rc 1
expect_last_line "1 passed, 1 failed"

# --- usage errors and invalid rules: exit 2 ------------------------------------------------------
WHAT="no tests named"
run test
expect_rc 2

WHAT="an unknown option"
run test --coverag fixtures/tests
expect_rc 2
expect_text "did you mean '--coverage'?"

WHAT="--lang with a wrong language"
run test --lang de fixtures/tests
expect_rc 2

WHAT="a test path that does not exist"
run test $D/bestaat-niet.test.yaml
expect_rc 2

WHAT="a directory with a profile but without tests"
mkdir "$TMP/geen-tests"
cp fixtures/profiles/faalt-a05.yaml "$TMP/geen-tests/"
run test "$TMP/geen-tests"
expect_rc 2
expect_text "holds no tests"

WHAT="invalid rules"
printf 'ruleset "kapot"\n' > "$TMP/kapot.rules"
run test --rules "$TMP/kapot.rules" fixtures/tests
expect_rc 2
expect_no_text "passed,"

e2e_finish
