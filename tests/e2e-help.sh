#!/bin/sh
# tests/e2e-help.sh — `--help` for every command from the one option table (cli/options.c): each option a command reads is in its help, each command's help works, and NO_COLOR counts only when it is not empty.
#
# usage: sh tests/e2e-help.sh path/to/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-help "$@"

cmds=$("$BIN" --help | sed -n 's/^  sopcheck \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p')
[ -n "$cmds" ] && e2e_pass || e2e_fail "sopcheck --help lists no commands"
for cmd in $cmds; do
    "$BIN" "$cmd" --help >"$TMP/help.$cmd" 2>&1
    rc=$?
    if [ $rc = 0 ] && grep -q "^  sopcheck $cmd" "$TMP/help.$cmd" && grep -q "^options:" "$TMP/help.$cmd"; then e2e_pass; else e2e_fail "'sopcheck $cmd --help' (status $rc) does not print the command's usage"; fi
    "$BIN" "$cmd" -h >"$TMP/h.$cmd" 2>&1
    if cmp -s "$TMP/h.$cmd" "$TMP/help.$cmd"; then e2e_pass; else e2e_fail "'sopcheck $cmd -h' differs from --help"; fi
    # every long option the command's source reads is in its help (the table and the parser agree)
    src=cli/cmd_$cmd.c
    [ -f "$src" ] || { e2e_fail "no source $src for the command $cmd"; continue; }
    for opt in $(grep -o '"--[a-z][a-z-]*' "$src" | tr -d '"' | sort -u); do
        [ "$opt" = --help ] && continue
        if grep -q -e "^  $opt\\b" -e "^  -[a-z], $opt\\b" "$TMP/help.$cmd"; then e2e_pass; else e2e_fail "$src reads $opt, which 'sopcheck $cmd --help' does not describe"; fi
    done
    # and every option in the help is one the command accepts (not refused as unknown)
    sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z-]*\).*/\2/p' "$TMP/help.$cmd" | while read -r opt; do
        [ "$opt" = --help ] && continue
        grep -q "\"$opt\"" "$src" || grep -q "\"$opt=\"" "$src" || echo "$cmd $opt"
    done >"$TMP/unread.$cmd"
    if [ -s "$TMP/unread.$cmd" ]; then e2e_fail "'sopcheck $cmd --help' describes options $src does not read: $(tr '\n' ' ' <"$TMP/unread.$cmd")"; else e2e_pass; fi
done
# a usage error points at the command's own help
"$BIN" check --no-such-option fixtures/samples >/dev/null 2>"$TMP/usage.err"
if grep -q "sopcheck check --help" "$TMP/usage.err"; then e2e_pass; else e2e_fail "a usage error of check does not point at 'sopcheck check --help': $(cat "$TMP/usage.err")"; fi

# NO_COLOR: only a non-empty value turns colour off (https://no-color.org); needs a terminal (script(1))
printf 'rules "x"\nbogus\n' >"$TMP/bad.rules"
if command -v script >/dev/null 2>&1; then
    esc=$(printf '\033[')
    NO_COLOR= TERM=xterm script -qec "'$BIN' compile '$TMP/bad.rules'" /dev/null >"$TMP/tty.empty" 2>&1
    NO_COLOR=1 TERM=xterm script -qec "'$BIN' compile '$TMP/bad.rules'" /dev/null >"$TMP/tty.set" 2>&1
    if grep -qF "$esc" "$TMP/tty.empty"; then e2e_pass; else e2e_fail "an empty NO_COLOR turns colour off on a terminal"; fi
    if grep -qF "$esc" "$TMP/tty.set"; then e2e_fail "NO_COLOR=1 does not turn colour off"; else e2e_pass; fi
else
    e2e_fail "script(1) is missing (apt-get install bsdutils): NO_COLOR cannot be checked on a terminal"
fi

e2e_finish
