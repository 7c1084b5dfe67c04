#!/bin/sh
# tools/mutants.sh — mutation testing of the evaluator (`make mutants`): applies each mutation of tools/mutants.txt to a copy of the tree, runs the unit suites, and prints which mutants they kill.
#
#   sh tools/mutants.sh                 every mutant in the list
#   sh tools/mutants.sh NAME...         only these (by name)
#   sh tools/mutants.sh --check         only check the list: every FIND occurs exactly once in its file
#
# Environment: BUILD (default build; the scratch copy goes to $BUILD/mutants), CC, OPT (default -O1),
# MUTANTS_MIN (the lowest kill percentage that passes, default 95), MUTANTS_E2E=1 (a mutant that
# survives the unit suites is also run through the tests/e2e*.sh scripts).
#
# The working tree is never written: the tree is copied to $BUILD/mutants/src, built there once, and
# each mutant is written over that copy's file, built (only its object and the links), tested and
# put back. Exit status: 0 when at least MUTANTS_MIN % are killed, 1 below that, 2 when the list is
# broken (a FIND that does not occur exactly once, a mutant that does not build, a duplicate name) or
# the unmutated copy fails its tests.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
LIST=tools/mutants.txt
BUILD=${BUILD:-build}
case $BUILD in /*) SCR=$BUILD/mutants ;; *) SCR=$ROOT/$BUILD/mutants ;; esac
SRC=$SCR/src
CC=${CC:-cc}
OPT=${OPT:--O1}
MIN=${MUTANTS_MIN:-95}
E2E=${MUTANTS_E2E:-0}
SEP=' @@ '

check_only=0
[ "${1:-}" = "--check" ] && { check_only=1; shift; }

mkdir -p "$SCR" || exit 2
MUTATE=$SCR/mutate
"$CC" -std=c11 -Wall -Wextra -Werror -O2 -o "$MUTATE" tools/mutate.c || exit 2

# ---- the list: NAME @@ FILE @@ FIND @@ REPLACE [@@ equivalent: WHY] ---------------------------------
# Split into $SCR/list.d/N.{name,file,find,repl,note}, checked as it goes.
rm -rf "$SCR/list.d"
mkdir -p "$SCR/list.d"
n=0
bad=0
grep -v '^[[:space:]]*#' "$LIST" | grep -v '^[[:space:]]*$' > "$SCR/list.txt"
while IFS= read -r line; do
    n=$((n + 1))
    name=${line%%"$SEP"*}
    rest=${line#*"$SEP"}
    file=${rest%%"$SEP"*}
    rest=${rest#*"$SEP"}
    find=${rest%%"$SEP"*}
    rest=${rest#*"$SEP"}
    repl=${rest%%"$SEP"*}
    note=""
    case $rest in *"$SEP"*) note=${rest#*"$SEP"} ;; esac
    case $line in *"$SEP"*"$SEP"*"$SEP"*) ok=1 ;; *) ok=0 ;; esac
    if [ "$ok" = 0 ] || [ -z "$name" ] || [ -z "$file" ] || [ -z "$find" ]; then
        echo "mutants: line '$line': expected NAME @@ FILE @@ FIND @@ REPLACE" >&2
        bad=1
        continue
    fi
    if grep -qx -- "$name" "$SCR/list.d/names" 2>/dev/null; then
        echo "mutants: $name: the name is used twice" >&2
        bad=1
    fi
    printf '%s\n' "$name" >> "$SCR/list.d/names"
    if [ ! -f "$file" ]; then
        echo "mutants: $name: no file $file" >&2
        bad=1
        continue
    fi
    if ! count=$("$MUTATE" "$file" "$find"); then
        echo "mutants: $name: the text to find occurs ${count:-?} times in $file, not once: $find" >&2
        bad=1
    fi
    [ "$find" = "$repl" ] && { echo "mutants: $name: the replacement is the text itself" >&2; bad=1; }
    printf '%s' "$name" > "$SCR/list.d/$n.name"
    printf '%s' "$file" > "$SCR/list.d/$n.file"
    printf '%s' "$find" > "$SCR/list.d/$n.find"
    printf '%s' "$repl" > "$SCR/list.d/$n.repl"
    printf '%s' "$note" > "$SCR/list.d/$n.note"
done < "$SCR/list.txt"
[ "$bad" = 0 ] || { echo "mutants: $LIST is broken; fix the lines above" >&2; exit 2; }
echo "mutants: $n in $LIST, every text to find occurs once"
[ "$check_only" = 1 ] && exit 0

# ---- a copy of the tree, built once ------------------------------------------------------------------
echo "mutants: copying the tree to $SRC and building it"
rm -rf "$SRC"
mkdir -p "$SRC" || exit 2
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files -co --exclude-standard | while IFS= read -r f; do [ -f "$f" ] && printf '%s\n' "$f"; done > "$SCR/files"
    tar -cf - -T "$SCR/files" | tar -xf - -C "$SRC" || exit 2
else
    tar -cf - --exclude=./build --exclude='./build-*' . | tar -xf - -C "$SRC" || exit 2
fi
JOBS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
[ "$JOBS" -gt 2 ] && JOBS=2
TARGETS="build/tests/run_unit build/sopcheck"
if ! make -C "$SRC" -j"$JOBS" BUILD=build OPT="$OPT" CC="$CC" $TARGETS > "$SCR/baseline.log" 2>&1; then
    tail -20 "$SCR/baseline.log" >&2
    echo "mutants: the unmutated copy does not build (see $SCR/baseline.log)" >&2
    exit 2
fi

# The suites run as `make check-unit` (and `make check-e2e`) run them, so that what they need (a
# locale, the binary) comes with them; CK_DEFAULT_TIMEOUT catches a mutant that loops.
run_unit() { CK_DEFAULT_TIMEOUT=10 timeout 600 make -C "$SRC" -s BUILD=build OPT="$OPT" CC="$CC" check-unit > "$1" 2>&1; }
run_e2e() { timeout 1200 make -C "$SRC" -s BUILD=build OPT="$OPT" CC="$CC" check-e2e >> "$1" 2>&1; }
if ! run_unit "$SCR/baseline.test"; then
    tail -20 "$SCR/baseline.test" >&2
    echo "mutants: the unmutated copy fails its unit suites (see $SCR/baseline.test)" >&2
    exit 2
fi

# ---- each mutant -------------------------------------------------------------------------------------
current=""
restore() {
    if [ -n "$current" ]; then
        cp "$SCR/saved" "$SRC/$current"
        rm -f "$SRC/build/${current%.c}.o"
        current=""
    fi
}
trap 'restore; echo; echo "mutants: interrupted (the working tree was never changed; the copy is restored)" >&2; exit 130' INT TERM HUP

total=0
killed=0
survivors=""
nobuild=""
mkdir -p "$SCR/log"
i=0
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    name=$(cat "$SCR/list.d/$i.name")
    if [ $# -gt 0 ]; then
        want=0
        for a in "$@"; do [ "$a" = "$name" ] && want=1; done
        [ "$want" = 1 ] || continue
    fi
    file=$(cat "$SCR/list.d/$i.file")
    note=$(cat "$SCR/list.d/$i.note")
    log=$SCR/log/$name
    cp -p "$SRC/$file" "$SCR/saved"
    current=$file
    "$MUTATE" "$SCR/saved" "$(cat "$SCR/list.d/$i.find")" "$(cat "$SCR/list.d/$i.repl")" "$SRC/$file" > /dev/null || exit 2
    rm -f "$SRC/build/${file%.c}.o"
    if ! make -C "$SRC" BUILD=build OPT="$OPT" CC="$CC" $TARGETS > "$log.build" 2>&1; then
        printf 'NOBUILD   %-34s %s (see %s)\n' "$name" "$file" "$log.build"
        nobuild="$nobuild $name"
        restore
        continue
    fi
    total=$((total + 1))
    if ! run_unit "$log"; then
        why=$(grep -m1 -E ':[FE]:' "$log" | sed 's/^[^:]*:[0-9]*:[FE]://' | cut -c1-90)
        printf 'KILLED    %-34s %s  by %s\n' "$name" "$file" "${why:-the unit suites (exit status)}"
        killed=$((killed + 1))
    elif [ "$E2E" = 1 ] && ! run_e2e "$log"; then
        printf 'KILLED    %-34s %s  by %s\n' "$name" "$file" "$(grep -m1 '^FAILED' "$log" || echo 'the end-to-end scripts')"
        killed=$((killed + 1))
    else
        printf 'SURVIVED  %-34s %s%s\n' "$name" "$file" "${note:+  ($note)}"
        survivors="$survivors $name"
    fi
    restore
done
trap - INT TERM HUP
# the copy is back to the unmutated tree; rebuild it so a later run starts from a built copy
make -C "$SRC" BUILD=build OPT="$OPT" CC="$CC" $TARGETS > /dev/null 2>&1

echo
if [ -n "$nobuild" ]; then
    echo "mutants: these do not build, so the list needs mending:$nobuild" >&2
fi
if [ "$total" = 0 ]; then
    echo "mutants: none run"
    exit 2
fi
pct10=$((killed * 1000 / total))
echo "mutants: $total run, $killed killed, $((total - killed)) survived: $((pct10 / 10)).$((pct10 % 10)) % killed (at least $MIN % needed)"
[ -n "$survivors" ] && echo "survivors:$survivors"
[ -n "$nobuild" ] && exit 2
[ $((killed * 100)) -ge $((MIN * total)) ] || exit 1
exit 0
