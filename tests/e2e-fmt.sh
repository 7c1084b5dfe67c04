#!/bin/sh
# tests/e2e-fmt.sh — end-to-end checks of `sopcheck fmt`: --check on formatted and unformatted files, the rewrite in
# place (mode kept), a file with a syntax error, standard input. Works on copies; never rewrites a file of the repo.
#
# usage: sh tests/e2e-fmt.sh path/to/sopcheck
set -eu

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-fmt "$@"

# run ARGS...: output in $TMP/out, standard error in $TMP/err, exit status in $RC
run() {
    ARGS="$*"
    RC=0
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
}
fail() {
    e2e_fail "sopcheck $ARGS: $1"
    sed 's/^/    out: /' "$TMP/out" >&2
    sed 's/^/    err: /' "$TMP/err" >&2
}
ok() { e2e_pass; }
rc_is() { if [ "$RC" -eq "$1" ]; then ok; else fail "exit status $RC, expected $1"; fi; }
# has FILE TEXT: FILE ($TMP/out or $TMP/err) holds a line containing TEXT
has() { if grep -Fq -- "$2" "$1"; then ok; else fail "no line with '$2'"; fi; }

# a formatted file passes --check
cp tests/fmt/layout.out.rules "$TMP/formatted.rules"
run fmt --check "$TMP/formatted.rules"
rc_is 0
if [ -s "$TMP/out" ]; then fail "--check printed something for a formatted file"; else ok; fi

# an unformatted copy fails --check, is named, with a diff; the file is left alone
cp tests/fmt/layout.in.rules "$TMP/messy.rules"
cp "$TMP/messy.rules" "$TMP/messy.orig"
run fmt --check "$TMP/formatted.rules" "$TMP/messy.rules"
rc_is 1
has "$TMP/out" "$TMP/messy.rules: not formatted"
has "$TMP/out" "+++ $TMP/messy.rules (formatted)"
has "$TMP/out" "-ruleset \"Voorbeeld\" version \"2023-04-04\" valid from 2023-08-01 until 2027-07-31"
has "$TMP/out" "+version \"2023-04-04\""
if grep -Fq "formatted.rules: not formatted" "$TMP/out"; then fail "named a formatted file"; else ok; fi
if cmp -s "$TMP/messy.rules" "$TMP/messy.orig"; then ok; else fail "--check changed the file"; fi

# rewrite in place: the mode is kept, the result is the golden output, and --check then passes
chmod 640 "$TMP/messy.rules"
run fmt "$TMP/messy.rules"
rc_is 0
if cmp -s "$TMP/messy.rules" tests/fmt/layout.out.rules; then ok; else fail "the rewritten file is not the expected layout"; fi
MODE=$(ls -l "$TMP/messy.rules" | cut -c1-10)
if [ "$MODE" = "-rw-r-----" ]; then ok; else fail "mode $MODE after the rewrite, expected -rw-r-----"; fi
run fmt --check "$TMP/messy.rules"
rc_is 0
if ls "$TMP" | grep -q 'fmt-'; then fail "a temporary file was left behind"; else ok; fi

# comments survive a rewrite
cp tests/fmt/comments.in.rules "$TMP/comments.rules"
run fmt "$TMP/comments.rules"
rc_is 0
if [ "$(grep -c '#' tests/fmt/comments.in.rules)" = "$(grep -c '#' "$TMP/comments.rules")" ]; then ok; else fail "comments lost"; fi

# a syntax error: not formatted, the diagnostic as `sopcheck compile` prints it, exit 2, the file untouched
printf 'ruleset "x"\nversion "1"\nscale niveau school > wijk\n' >"$TMP/broken.rules"
cp "$TMP/broken.rules" "$TMP/broken.orig"
run fmt "$TMP/broken.rules"
rc_is 2
has "$TMP/err" "$TMP/broken.rules:3:14: error: unexpected a name; expected ':'"
if cmp -s "$TMP/broken.rules" "$TMP/broken.orig"; then ok; else fail "a file with errors was rewritten"; fi
run fmt --check "$TMP/broken.rules"
rc_is 2

# standard input to standard output
ARGS="fmt - < tests/fmt/conditions.in.rules"
RC=0
"$BIN" fmt - <tests/fmt/conditions.in.rules >"$TMP/out" 2>"$TMP/err" || RC=$?
rc_is 0
if cmp -s "$TMP/out" tests/fmt/conditions.out.rules; then ok; else fail "standard output is not the expected layout"; fi
ARGS="fmt --check - < tests/fmt/conditions.in.rules"
RC=0
"$BIN" fmt --check - <tests/fmt/conditions.in.rules >"$TMP/out" 2>"$TMP/err" || RC=$?
rc_is 1
has "$TMP/out" "<stdin>: not formatted"

# usage mistakes
run fmt
rc_is 2
run fmt --chek "$TMP/formatted.rules"
rc_is 2
run fmt "$TMP/does-not-exist.rules"
rc_is 2

# the repository's rules, on copies: formatting them keeps the compiled program
mkdir "$TMP/rules"
cp rules/*.rules "$TMP/rules/"
for f in "$TMP"/rules/*.rules; do
    "$BIN" compile --dump "$f" 2>/dev/null | sed 's/\.rules:[0-9]*/.rules:#/g' >"$f.before" || true
done
run fmt "$TMP"/rules/*.rules
rc_is 0
for f in "$TMP"/rules/*.rules; do
    "$BIN" compile --dump "$f" 2>/dev/null | sed 's/\.rules:[0-9]*/.rules:#/g' >"$f.after" || true
    ARGS="compile --dump $f"
    if [ -s "$f.before" ] && cmp -s "$f.before" "$f.after"; then ok; else fail "another program after fmt"; fi
done
run fmt --check "$TMP"/rules/*.rules
rc_is 0

e2e_finish
