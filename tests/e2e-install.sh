#!/bin/sh
# tests/e2e-install.sh — `make install` into a temporary DESTDIR and what a user then has: the installed binary, `man sopcheck`, a program built with pkg-config against the installed library, the bash and zsh completions; `make uninstall` leaves nothing behind.
#
# usage: sh tests/e2e-install.sh path/to/sopcheck
# The build directory is the binary's; the shared library is built without sanitizers (SAN=) so that a
# plain program can link it, whatever `make check-asan` built the rest with.
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-install "$@"
BUILD=$(dirname "$BIN")
DEST=$TMP/dest
P=/opt/sopcheck-test

if make -s -C "$ROOT" BUILD="$BUILD" SAN= PREFIX=$P DESTDIR="$DEST" install >"$TMP/install.log" 2>&1; then
    e2e_pass
else
    e2e_fail "make install failed"
    sed 's/^/    /' "$TMP/install.log" | tail -20 >&2
    e2e_finish
fi

# --- the binary ---------------------------------------------------------------------------------
e2e_check "the installed binary prints its version" sh -c "'$DEST$P/bin/sopcheck' --version | grep -q '^sopcheck [0-9]'"
"$DEST$P/bin/sopcheck" check fixtures/samples/de-regenboog.yaml >"$TMP/check.txt" 2>&1
rc=$?
if [ $rc = 0 ] && grep -q "de-regenboog" "$TMP/check.txt"; then e2e_pass; else e2e_fail "the installed binary does not check a sample (status $rc)"; fi
e2e_check "the bundled rules are installed as text" test -s "$DEST$P/share/sopcheck/rules/zoetermeer-2023.rules"
e2e_check "the installed rules compile" "$DEST$P/bin/sopcheck" compile "$DEST$P/share/sopcheck/rules/zoetermeer-2023.rules"

# --- the man page: every option of every command, as --help gives them ---------------------------
MAN=$DEST$P/share/man/man1/sopcheck.1
if command -v man >/dev/null 2>&1; then
    MANWIDTH=200 man -l -P cat "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err"
    if grep -q "^NAME" "$TMP/man.txt" && ! [ -s "$TMP/man.err" ]; then e2e_pass; else e2e_fail "man -l does not render the page cleanly: $(head -3 "$TMP/man.err")"; fi
    for cmd in $("$BIN" --help | sed -n 's/^  sopcheck \([a-z][a-z]*\) .*/\1/p; s/^  sopcheck \([a-z][a-z]*\)$/\1/p'); do
        grep -q "^   sopcheck $cmd\$" "$TMP/man.txt" || e2e_fail "the man page has no section for '$cmd'"
        "$BIN" "$cmd" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' | while read -r opt; do
            [ "$opt" = --help ] && continue
            # the section of $cmd runs to the next "   sopcheck " heading
            sed -n "/^   sopcheck $cmd\$/,/^   sopcheck [a-z]/p" "$TMP/man.txt" | grep -q -e "^       $opt\\b" -e "^       -[a-z], $opt\\b" ||
                echo "$cmd $opt"
        done >>"$TMP/missing"
    done
    if [ -s "$TMP/missing" ]; then e2e_fail "options in --help but not in the man page: $(tr '\n' ';' <"$TMP/missing")"; else e2e_pass; fi
else
    e2e_fail "man is not installed (apt-get install man-db): the man page cannot be checked"
fi

# --- a program built against the installed library -----------------------------------------------
PCDIR=$DEST$P/lib/pkgconfig
if flags=$(PKG_CONFIG_PATH=$PCDIR pkg-config --define-variable=prefix="$DEST$P" --define-variable=libdir="$DEST$P/lib" \
        --define-variable=includedir="$DEST$P/include" --cflags --libs sopcheck 2>"$TMP/pc.err"); then
    e2e_pass
else
    e2e_fail "pkg-config does not know sopcheck: $(cat "$TMP/pc.err")"
fi
# shellcheck disable=SC2086
if cc -std=c11 -D_POSIX_C_SOURCE=200809L -o "$TMP/client" docs/examples/client.c $flags 2>"$TMP/cc.err"; then
    e2e_pass
    mkdir "$TMP/out"
    e2e_check "the client linked against the installed libsopcheck.so runs every writer" \
        env LD_LIBRARY_PATH="$DEST$P/lib" "$TMP/client" "$TMP/out" rules/zoetermeer-2023.rules docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules \
        fixtures/samples/de-regenboog.yaml
    if LD_LIBRARY_PATH="$DEST$P/lib" ldd "$TMP/client" | grep -q "libsopcheck.so.0 => $DEST$P/lib"; then e2e_pass; else e2e_fail "the client is not linked against the installed libsopcheck.so.0"; fi
else
    e2e_fail "docs/examples/client.c does not build with the installed header and pkg-config flags: $(head -5 "$TMP/cc.err")"
fi

# --- completions ----------------------------------------------------------------------------------
BASHC=$DEST$P/share/bash-completion/completions/sopcheck
complete_words() { # WORDS... ; the last word is the one completed
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _sopcheck; printf "%s\n" "${COMPREPLY[@]}"' sh "$BASHC" "$@"
}
if complete_words sopcheck ex | grep -qx explain; then e2e_pass; else e2e_fail "bash does not complete the command explain"; fi
if complete_words sopcheck check --fa | grep -qx -- --fail-on; then e2e_pass; else e2e_fail "bash does not complete 'check --fa' to --fail-on"; fi
if [ "$(complete_words sopcheck check --format s | tr '\n' ' ')" = "sarif " ]; then e2e_pass; else e2e_fail "bash does not complete the values of --format"; fi
if complete_words sopcheck diff --p | grep -qx -- --profiles; then e2e_pass; else e2e_fail "bash does not complete the options of diff"; fi
if command -v zsh >/dev/null 2>&1; then
    e2e_check "the zsh completion is valid zsh" zsh -n "$DEST$P/share/zsh/site-functions/_sopcheck"
else
    echo "e2e-install: notice: zsh is not installed; the zsh completion's syntax is not checked (apt-get install zsh)" >&2
fi

# --- uninstall ------------------------------------------------------------------------------------
e2e_check "make uninstall succeeds" make -s -C "$ROOT" BUILD="$BUILD" SAN= PREFIX=$P DESTDIR="$DEST" uninstall
left=$(find "$DEST" ! -type d | head -5)
if [ -z "$left" ]; then e2e_pass; else e2e_fail "make uninstall left files behind: $left"; fi

e2e_finish
