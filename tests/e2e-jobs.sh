#!/bin/sh
# tests/e2e-jobs.sh — sopcheck check -j: for every format, -j 1 and -j 4 (and -j alone) give the same report byte for byte, the same standard error and the same exit status, over the fixtures, the bad-profile corpus and 500 generated profiles mixed with invalid files; and once under ThreadSanitizer when clang has it.
#
#   sh tests/e2e-jobs.sh build/sopcheck
#   SC_TSAN=0 sh tests/e2e-jobs.sh build/sopcheck     # without the ThreadSanitizer run
set -u

bin=${1:?usage: sh tests/e2e-jobs.sh path/to/sopcheck}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(dirname "$bin")
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() {
    failed=$((failed + 1))
    echo "e2e-jobs: FAIL: $*" >&2
}

[ -x "$bin" ] || {
    echo "e2e-jobs: no sopcheck binary at $bin" >&2
    exit 1
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sopcheck-jobs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# --- the inputs: the fixtures, the bad corpus, and a generated batch with invalid files in it ---------
gen=$build/tools/genprofiles
if [ ! -x "$gen" ]; then
    (cd "$top" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD="$build" "$build/tools/genprofiles") >/dev/null 2>&1
fi
batch=$tmp/batch
if [ -x "$gen" ]; then
    "$gen" 500 7 "$batch" >/dev/null || fail "genprofiles 500 7 did not run"
else
    fail "cannot build $gen"
    mkdir -p "$batch"
fi
# invalid profiles among the generated ones, in the middle and at the ends of the sorted list
n=0
for f in "$top"/tests/bad/*.yaml; do
    n=$((n + 1))
    cp "$f" "$batch/$(printf 'z%02d' "$n")-$(basename "$f")"
    [ "$n" -lt 20 ] || break
done
cp "$top/tests/bad/01-syntax-unclosed-quote.yaml" "$batch/0000-eerst-ongeldig.yaml"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$batch/m-plaatje.yaml"
: >"$batch/m-leeg.yaml"
mkdir -p "$batch/m-lege-map"

# same FORMAT JOBS NAME PATH...: the report, stderr and exit status of -j 1 and of -j JOBS are identical
same() {
    fmt=$1 jobs=$2 name=$3
    shift 3
    "$bin" check --format "$fmt" -j 1 "$@" >"$tmp/one.out" 2>"$tmp/one.err"
    rc1=$?
    # shellcheck disable=SC2086 # $jobs may be empty: -j alone, one worker per core
    "$bin" check --format "$fmt" -j $jobs "$@" >"$tmp/par.out" 2>"$tmp/par.err"
    rcp=$?
    if [ "$rc1" != "$rcp" ]; then
        fail "$name --format $fmt: exit status $rc1 with -j 1, $rcp with -j $jobs"
    elif ! cmp -s "$tmp/one.out" "$tmp/par.out"; then
        fail "$name --format $fmt: the report differs between -j 1 and -j $jobs"
    elif ! cmp -s "$tmp/one.err" "$tmp/par.err"; then
        fail "$name --format $fmt: standard error differs between -j 1 and -j $jobs"
    elif [ ! -s "$tmp/one.out" ]; then
        fail "$name --format $fmt: empty report"
    else
        ok
    fi
}

for fmt in text json junit sarif github csv html; do
    same "$fmt" 4 fixtures/profiles "$top/fixtures/profiles"
    same "$fmt" 4 fixtures/samples "$top/fixtures/samples"
    same "$fmt" 4 tests/bad "$top/tests/bad"
    same "$fmt" 4 "generated 500 + invalid" "$batch"
    same "$fmt" "" "generated, -j alone" "$batch"
done
same json 3 "english, ambitions" --lang en --ambitions "$batch"
same sarif 2 "sarif with ambitions" --ambitions "$top/fixtures/profiles" "$top/fixtures/samples"
same json 16 "more jobs than profiles" "$top/fixtures/samples"
same text 4 "one profile" "$top/fixtures/samples/de-wilgen.yaml"

# the exit status is the one the whole batch deserves (2: invalid files in it)
"$bin" check -j 4 --format json "$batch" >/dev/null 2>&1
rc=$?
if [ "$rc" = 2 ]; then ok; else fail "-j 4 over the batch with invalid files: exit status $rc, not 2"; fi
# the JSON report of -j 4 names every input once, in order
if command -v python3 >/dev/null 2>&1; then
    "$bin" check -j 4 --format json "$batch" 2>/dev/null >"$tmp/r.json"
    if python3 - "$tmp/r.json" "$batch" <<'EOF'; then ok; else fail "-j 4: the JSON report does not list every profile once, in order"; fi
import json, os, sys
r = json.load(open(sys.argv[1]))
files = [p["file"] for p in r["profiles"]]
assert files == sorted(files), "not sorted"
assert len(files) == len(set(files)), "listed twice"
assert r["summary"]["profiles"] == len(files)
assert r["summary"]["invalid"] >= 23, r["summary"]
EOF
else
    ok
fi
# usage errors
for bad in "-j 1025" "--jobs=-1" "--jobs=vier"; do
    # shellcheck disable=SC2086
    "$bin" check $bad "$top/fixtures/samples" >/dev/null 2>"$tmp/usage.err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q -- "-j takes" "$tmp/usage.err"; then ok; else fail "'check $bad' is not refused as usage (status $rc)"; fi
done
# --jobs N and -jN are the same as -j N
"$bin" check --format sarif --jobs 3 "$batch" >"$tmp/a" 2>/dev/null
"$bin" check --format sarif -j3 "$batch" >"$tmp/b" 2>/dev/null
"$bin" check --format sarif -j 1 "$batch" >"$tmp/c" 2>/dev/null
if cmp -s "$tmp/a" "$tmp/c" && cmp -s "$tmp/b" "$tmp/c"; then ok; else fail "--jobs 3 / -j3 differ from -j 1"; fi

# --- ThreadSanitizer: one run of every format at -j 4 over the batch, when clang can build it -------
if [ "${SC_TSAN:-1}" = 0 ]; then
    echo "e2e-jobs: ThreadSanitizer run skipped (SC_TSAN=0)"
elif ! command -v clang >/dev/null 2>&1; then
    echo "e2e-jobs: ThreadSanitizer run skipped: no clang here"
elif ! printf 'int main(void){return 0;}\n' >"$tmp/t.c" || ! clang -fsanitize=thread -o "$tmp/t" "$tmp/t.c" 2>/dev/null ||
    ! "$tmp/t" 2>/dev/null; then
    echo "e2e-jobs: ThreadSanitizer run skipped: clang -fsanitize=thread does not build or run here"
else
    tsan_build=$top/build/tsan
    if ! (cd "$top" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD=build/tsan CC=clang OPT=-O1 \
        SAN="-fsanitize=thread -fno-omit-frame-pointer" build/tsan/sopcheck) >"$tmp/tsan-build.log" 2>&1; then
        fail "ThreadSanitizer build failed: $(tail -3 "$tmp/tsan-build.log")"
    else
        for fmt in text json junit sarif github; do
            TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
                "$tsan_build/sopcheck" check --format "$fmt" -j 4 "$batch" "$top/fixtures/profiles" >"$tmp/tsan.out" 2>"$tmp/tsan.err"
            rct=$?
            "$bin" check --format "$fmt" -j 1 "$batch" "$top/fixtures/profiles" >"$tmp/one.out" 2>/dev/null
            rc1=$?
            if grep -q "ThreadSanitizer" "$tmp/tsan.err" || [ "$rct" = 66 ]; then
                fail "ThreadSanitizer --format $fmt: $(grep -m3 -A8 'WARNING: ThreadSanitizer' "$tmp/tsan.err")"
            elif [ "$rct" != "$rc1" ] || ! cmp -s "$tmp/tsan.out" "$tmp/one.out"; then
                fail "ThreadSanitizer --format $fmt: output or status ($rct, $rc1) differs from -j 1"
            else
                ok
            fi
        done
    fi
fi

echo "e2e-jobs: $passed passed, $failed failed"
[ "$failed" = 0 ]
