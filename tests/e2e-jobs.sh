#!/bin/sh
# tests/e2e-jobs.sh — sopcheck check -j: for every format, -j 1 and -j 4 (and -j alone) give the same report byte for byte, the same standard error and the same exit status, over the fixtures, the bad-profile corpus and 500 generated profiles mixed with invalid files; once under ThreadSanitizer when clang has it; and SIGTERM or SIGINT in the middle of a batch written with --output leaves no file behind.
#
#   sh tests/e2e-jobs.sh build/sopcheck
#   SC_TSAN=0 sh tests/e2e-jobs.sh build/sopcheck     # without the ThreadSanitizer run
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-jobs "$@"
build=$(dirname "$BIN")
ok() { e2e_pass; }
fail() { e2e_fail "$@"; }

# --- the inputs: the fixtures, the bad corpus, and a generated batch with invalid files in it ---------
gen=$build/tools/genprofiles
if [ ! -x "$gen" ]; then
    (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD="$build" "$build/tools/genprofiles") >/dev/null 2>&1
fi
batch=$TMP/batch
if [ -x "$gen" ]; then
    "$gen" 500 7 "$batch" >/dev/null || fail "genprofiles 500 7 did not run"
else
    fail "cannot build $gen"
    mkdir -p "$batch"
fi
# invalid profiles among the generated ones, in the middle and at the ends of the sorted list
n=0
for f in "$ROOT"/tests/bad/*.yaml; do
    n=$((n + 1))
    cp "$f" "$batch/$(printf 'z%02d' "$n")-$(basename "$f")"
    [ "$n" -lt 20 ] || break
done
cp "$ROOT/tests/bad/01-syntax-unclosed-quote.yaml" "$batch/0000-eerst-ongeldig.yaml"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' >"$batch/m-plaatje.yaml"
: >"$batch/m-leeg.yaml"
mkdir -p "$batch/m-lege-map"

# same FORMAT JOBS NAME PATH...: the report, stderr and exit status of -j 1 and of -j JOBS are identical
same() {
    fmt=$1 jobs=$2 name=$3
    shift 3
    "$BIN" check --format "$fmt" -j 1 "$@" >"$TMP/one.out" 2>"$TMP/one.err"
    rc1=$?
    # shellcheck disable=SC2086 # $jobs may be empty: -j alone, one worker per core
    "$BIN" check --format "$fmt" -j $jobs "$@" >"$TMP/par.out" 2>"$TMP/par.err"
    rcp=$?
    if [ "$rc1" != "$rcp" ]; then
        fail "$name --format $fmt: exit status $rc1 with -j 1, $rcp with -j $jobs"
    elif ! cmp -s "$TMP/one.out" "$TMP/par.out"; then
        fail "$name --format $fmt: the report differs between -j 1 and -j $jobs"
    elif ! cmp -s "$TMP/one.err" "$TMP/par.err"; then
        fail "$name --format $fmt: standard error differs between -j 1 and -j $jobs"
    elif [ ! -s "$TMP/one.out" ]; then
        fail "$name --format $fmt: empty report"
    else
        ok
    fi
}

for fmt in text json junit sarif github csv html; do
    same "$fmt" 4 fixtures/profiles "$ROOT/fixtures/profiles"
    same "$fmt" 4 fixtures/samples "$ROOT/fixtures/samples"
    same "$fmt" 4 tests/bad "$ROOT/tests/bad"
    same "$fmt" 4 "generated 500 + invalid" "$batch"
    same "$fmt" "" "generated, -j alone" "$batch"
done
same json 3 "english, ambitions" --lang en --ambitions "$batch"
same sarif 2 "sarif with ambitions" --ambitions "$ROOT/fixtures/profiles" "$ROOT/fixtures/samples"
same json 16 "more jobs than profiles" "$ROOT/fixtures/samples"
same text 4 "one profile" "$ROOT/fixtures/samples/de-wilgen.yaml"
# several versions of the rules: each worker maps items to the run's rule list (sarif) and names the version (text)
for fmt in text json sarif; do
    same "$fmt" 3 "several versions" --rules "$ROOT/rules" "$ROOT/fixtures/profiles" "$ROOT/fixtures/tests-2025/profiles"
done

# the exit status is the one the whole batch deserves (2: invalid files in it)
"$BIN" check -j 4 --format json "$batch" >/dev/null 2>&1
rc=$?
if [ "$rc" = 2 ]; then ok; else fail "-j 4 over the batch with invalid files: exit status $rc, not 2"; fi
# the JSON report of -j 4 names every input once, in order
if command -v python3 >/dev/null 2>&1; then
    "$BIN" check -j 4 --format json "$batch" 2>/dev/null >"$TMP/r.json"
    if python3 - "$TMP/r.json" "$batch" <<'EOF'; then ok; else fail "-j 4: the JSON report does not list every profile once, in order"; fi
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
    "$BIN" check $bad "$ROOT/fixtures/samples" >/dev/null 2>"$TMP/usage.err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q -- "-j takes" "$TMP/usage.err"; then ok; else fail "'check $bad' is not refused as usage (status $rc)"; fi
done
# --jobs N and -jN are the same as -j N
"$BIN" check --format sarif --jobs 3 "$batch" >"$TMP/a" 2>/dev/null
"$BIN" check --format sarif -j3 "$batch" >"$TMP/b" 2>/dev/null
"$BIN" check --format sarif -j 1 "$batch" >"$TMP/c" 2>/dev/null
if cmp -s "$TMP/a" "$TMP/c" && cmp -s "$TMP/b" "$TMP/c"; then ok; else fail "--jobs 3 / -j3 differ from -j 1"; fi

# --- ThreadSanitizer: one run of every format at -j 4 over the batch, when clang can build it -------
if [ "${SC_TSAN:-1}" = 0 ]; then
    echo "e2e-jobs: ThreadSanitizer run skipped (SC_TSAN=0)"
elif ! command -v clang >/dev/null 2>&1; then
    echo "e2e-jobs: ThreadSanitizer run skipped: no clang here"
elif ! printf 'int main(void){return 0;}\n' >"$TMP/t.c" || ! clang -fsanitize=thread -o "$TMP/t" "$TMP/t.c" 2>/dev/null ||
    ! "$TMP/t" 2>/dev/null; then
    echo "e2e-jobs: ThreadSanitizer run skipped: clang -fsanitize=thread does not build or run here"
else
    tsan_build=$ROOT/build/tsan
    if ! (cd "$ROOT" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s BUILD=build/tsan CC=clang OPT=-O1 \
        SAN="-fsanitize=thread -fno-omit-frame-pointer" build/tsan/sopcheck) >"$TMP/tsan-build.log" 2>&1; then
        fail "ThreadSanitizer build failed: $(tail -3 "$TMP/tsan-build.log")"
    else
        for fmt in text json junit sarif github; do
            TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1" \
                "$tsan_build/sopcheck" check --format "$fmt" -j 4 "$batch" "$ROOT/fixtures/profiles" >"$TMP/tsan.out" 2>"$TMP/tsan.err"
            rct=$?
            "$BIN" check --format "$fmt" -j 1 "$batch" "$ROOT/fixtures/profiles" >"$TMP/one.out" 2>/dev/null
            rc1=$?
            if grep -q "ThreadSanitizer" "$TMP/tsan.err" || [ "$rct" = 66 ]; then
                fail "ThreadSanitizer --format $fmt: $(grep -m3 -A8 'WARNING: ThreadSanitizer' "$TMP/tsan.err")"
            elif [ "$rct" != "$rc1" ] || ! cmp -s "$TMP/tsan.out" "$TMP/one.out"; then
                fail "ThreadSanitizer --format $fmt: output or status ($rct, $rc1) differs from -j 1"
            else
                ok
            fi
        done
    fi
fi

# --- a signal in the middle of a batch written with --output -------------------------------------------
# The batch ends with standard input, a FIFO that is held open and never written to: the run is
# certainly still going (reading it) when the signal comes, with the temporary report beside the
# target. The run must end as killed by the signal, leaving neither the report nor the temporary file.
# Its standard error is not looked at (under valgrind it lists the memory in use when the signal came).
# A background job of a shell script starts with SIGINT ignored, and a shell cannot undo that:
# `env --default-signal` (GNU coreutils 8.31 and later) can; without it the SIGINT case is skipped.
sigs=TERM
if env --default-signal=INT true 2>/dev/null; then
    sigs="TERM INT"
else
    echo "e2e-jobs: the SIGINT case is skipped: env --default-signal is not there"
fi
for sig in $sigs; do
    out=$TMP/signal-$sig/rapport.json
    mkdir -p "$TMP/signal-$sig"
    rm -f "$TMP/stdin-fifo"
    mkfifo "$TMP/stdin-fifo"
    if [ "$sig" = INT ]; then
        env --default-signal=INT "$BIN" check -j 2 --format json --output "$out" "$batch" "$ROOT/fixtures/profiles" - <"$TMP/stdin-fifo" 2>"$TMP/signal-$sig.err" &
    else
        "$BIN" check -j 2 --format json --output "$out" "$batch" "$ROOT/fixtures/profiles" - <"$TMP/stdin-fifo" 2>"$TMP/signal-$sig.err" &
    fi
    pid=$!
    exec 3>"$TMP/stdin-fifo"
    n=0
    while [ -z "$(ls "$TMP/signal-$sig")" ] && [ "$n" -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
    sleep 0.5 # into the batch
    tmpfile=$(ls "$TMP/signal-$sig")
    kill -"$sig" "$pid"
    wait "$pid"
    status=$?
    exec 3>&-
    case $sig in TERM) want=143 ;; INT) want=130 ;; esac
    if [ "$status" = "$want" ]; then ok; else fail "SIG$sig during --output: exit status $status, not $want (killed by the signal)"; fi
    case $tmpfile in
    rapport.json.tmp.*) ok ;;
    *) fail "SIG$sig during --output: the temporary report was not there before the signal ($tmpfile)" ;;
    esac
    left=$(ls "$TMP/signal-$sig")
    if [ -z "$left" ]; then ok; else fail "SIG$sig during --output left a file behind: $left"; fi
done

e2e_finish
