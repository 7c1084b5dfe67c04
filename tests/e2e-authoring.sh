#!/bin/sh
# tests/e2e-authoring.sh — docs/authoring.md as a test: every ```sh block of the page is one command, run from the
# repository's top folder with `sopcheck` meaning the binary under test; its output (standard output and standard
# error together) must equal the ```output block right after it, byte for byte.
#
# usage: sh tests/e2e-authoring.sh path/to/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-authoring "$@"
DOC=docs/authoring.md

# `sopcheck` in the commands is the binary under test
mkdir "$TMP/bin"
ln -s "$BIN" "$TMP/bin/sopcheck"

# Split the page: $TMP/cmd.N and $TMP/want.N for the N-th ```sh block and the ```output block after it;
# a ```sh block without an output block right after it is written as $TMP/orphan.N.
awk -v dir="$TMP" '
    state == "" && /^```sh$/ { n++; state = "cmd"; file = dir "/cmd." n; printf "" > file; next }
    state == "cmd" && /^```$/ { close(file); state = "after"; next }
    state == "cmd" { print > file; next }
    state == "after" && /^```output$/ { state = "out"; file = dir "/want." n; printf "" > file; next }
    state == "after" { print "" > (dir "/orphan." n); state = ""; next }
    state == "out" && /^```$/ { close(file); state = ""; next }
    state == "out" { print > file; next }
    END { if (state == "after") print "" > (dir "/orphan." n) }
' "$DOC"

n=0
for cmd in "$TMP"/cmd.*; do
    [ -e "$cmd" ] || break
    n=$((n + 1))
done
if [ "$n" -eq 0 ]; then
    e2e_fail "no \`\`\`sh blocks in $DOC"
fi
i=1
while [ "$i" -le "$n" ]; do
    c=$(cat "$TMP/cmd.$i")
    if [ -e "$TMP/orphan.$i" ] || [ ! -e "$TMP/want.$i" ]; then
        e2e_fail "command $i has no \`\`\`output block right after it: $c"
    else
        PATH="$TMP/bin:$PATH" sh -c "$c" >"$TMP/got.$i" 2>&1
        if cmp -s "$TMP/want.$i" "$TMP/got.$i"; then
            e2e_pass
        else
            e2e_fail "command $i: $c"
            diff "$TMP/want.$i" "$TMP/got.$i" | sed 's/^/    /' >&2
        fi
    fi
    i=$((i + 1))
done

e2e_finish
