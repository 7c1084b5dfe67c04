#!/bin/sh
# tools/bench.sh — `make bench`: how fast and how lean `sopcheck check` is next to the floor (libyaml parsing alone).
#
# Environment (make passes them on):
#   BUILD       build directory with sopcheck and the tools (default build)
#   BENCH_N     profiles in the main run (default 10000)
#   BENCH_RUNS  timed runs per row, the median is shown (default 9, at least 5)
#   BENCH_SEED  generator seed (default 42)
#   BENCH_CG_N  profiles for the callgrind rows (default 200)
#
# The -j row runs `sopcheck check -j` (one thread per core) and compares its wall time with the floor,
# which is one thread: below 1.00x means the cores together beat libyaml alone on one.
#
# What it does: generates BENCH_N profiles (and 1,000, and BENCH_CG_N) into $BUILD/bench/, checks
# that they all check without errors, then times the floor ($BUILD/tools/yamlfloor) and
# `sopcheck check --format json DIR > /dev/null` (one warm-up run, then BENCH_RUNS runs; wall clock
# and CPU time user+sys, medians; the text report too, for comparison), peak RSS of both at 1,000
# and BENCH_N profiles, compiling the
# rules (the whole `sopcheck compile` process, and sc_compile_file in a loop; and once each, generated
# rules files of about 1 MB, one per construct of the language), and callgrind's
# instruction count per profile: (Ir of BENCH_CG_N profiles - Ir of 1 profile) / (BENCH_CG_N - 1),
# which leaves out start-up and the compile of the rules, and the same for cachegrind's first-level
# data cache misses (a simulated cache: repeatable, and what instructions do not show). The table goes to stdout and to
# $BUILD/bench/results.md. Files are read from the page cache (warm): this measures CPU, not disks.
set -eu
BUILD=${BUILD:-build}
N=${BENCH_N:-10000}
RUNS=${BENCH_RUNS:-9}
SEED=${BENCH_SEED:-42}
CG_N=${BENCH_CG_N:-200}
[ "$RUNS" -ge 5 ] || RUNS=5
RULES=rules/zoetermeer-2023.rules

bin=$BUILD/sopcheck
gen=$BUILD/tools/genprofiles
floor=$BUILD/tools/yamlfloor
compile_loop=$BUILD/tools/bench_compile
bigmap=$BUILD/tools/bench_bigmap
dir=$BUILD/bench
for f in "$bin" "$gen" "$floor" "$compile_loop" "$bigmap"; do
    [ -x "$f" ] || { echo "bench: $f is missing; run 'make bench'" >&2; exit 1; }
done

TIME=/usr/bin/time
if ! $TIME -f %M true >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "bench: installing GNU time for peak RSS" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null 2>&1 || true
    fi
    $TIME -f %M true >/dev/null 2>&1 || TIME=""
fi
[ -n "$TIME" ] || echo "bench: GNU time is missing (apt-get install time): no peak RSS, no CPU time" >&2

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# the reports are thrown away: that must cost nothing, so /dev/null must be the device
if [ ! -c /dev/null ]; then
    echo "bench: /dev/null is not a character device here (a regular file?): timings would include" >&2
    echo "bench: writing the reports to it. As root: rm /dev/null && mknod -m 666 /dev/null c 1 3" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- the profiles -----------------------------------------------------------------------------
generate() { # name count
    rm -rf "$dir/$1"
    "$gen" "$2" "$SEED" "$dir/$1" >"$dir/$1.made"
    find "$dir/$1" -name '*.yaml' | LC_ALL=C sort >"$dir/$1.list"
}
mkdir -p "$dir"
echo "bench: generating $N, 1000 and $CG_N profiles (seed $SEED) in $dir" >&2
generate n"$N" "$N"
[ "$N" = 1000 ] || generate n1000 1000
generate cg "$CG_N"
rm -rf "$dir/cg1" && mkdir -p "$dir/cg1" && cp "$dir/cg/$(ls "$dir/cg" | head -1)" "$dir/cg1/"
ls "$dir"/cg1/*.yaml >"$dir/cg1.list"

# every generated profile checks without errors, with the mix the generator meant
"$bin" check --format json --fail-on never "$dir/n$N" >"$tmp/report.json" 2>"$tmp/errors" || {
    echo "bench: the generated profiles do not all check: $(head -3 "$tmp/errors")" >&2; exit 1; }
made=$(cat "$dir/n$N.made")
got=$(tail -1 "$tmp/report.json" | sed 's/.*"summary"://; s/}}$/}/')
echo "bench: generated: $made" >&2
echo "bench: checked:   $got" >&2
case $got in *'"invalid":0}') ;; *) echo "bench: some generated profiles are invalid" >&2; exit 1 ;; esac
avg_bytes=$(cat "$dir/n$N"/*.yaml 2>/dev/null | wc -c | awk -v n="$N" '{printf "%.0f", $1 / n}') || avg_bytes="?"
json_bytes=$(wc -c <"$tmp/report.json" | awk -v n="$N" '{printf "%.0f", $1 / n}')
# -j (one thread per core) writes the same report
one_sum=$(cksum <"$tmp/report.json")
par_sum=$("$bin" check -j --format json --fail-on never "$dir/n$N" 2>/dev/null | cksum)
[ "$one_sum" = "$par_sum" ] || { echo "bench: the -j report differs from the one-thread report" >&2; exit 1; }

# --- timing -----------------------------------------------------------------------------------
median() { sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# once NAME CMD...: one timed run; appends to $tmp/NAME.wall, .cpu, .rss
once() {
    name=$1; shift
    t0=$(date +%s%N)
    if [ -n "$TIME" ]; then
        $TIME -f "%U %S %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || true
    else
        "$@" >/dev/null 2>"$tmp/stderr" || true
    fi
    t1=$(date +%s%N)
    echo "$t0 $t1" | awk '{printf "%.4f\n", ($2 - $1) / 1e9}' >>"$tmp/$name.wall"
    if [ -n "$TIME" ]; then
        tail -1 "$tmp/time" | awk '{printf "%.2f\n", $1 + $2}' >>"$tmp/$name.cpu"
        tail -1 "$tmp/time" | awk '{print $3}' >>"$tmp/$name.rss"
    fi
}
# measure NAME CMD...: one warm-up, then RUNS runs
measure() {
    name=$1; shift
    : >"$tmp/$name.wall"; : >"$tmp/$name.cpu"; : >"$tmp/$name.rss"
    "$@" >/dev/null 2>&1 || true
    r=0
    while [ "$r" -lt "$RUNS" ]; do
        once "$name" "$@"
        r=$((r + 1))
    done
}
med() { # NAME KIND
    if [ -s "$tmp/$1.$2" ]; then median <"$tmp/$1.$2"; else echo "n/a"; fi
}
echo "bench: timing ($RUNS runs each, median)" >&2
# The rows that are compared with the floor run interleaved, round by round (floor, json, text,
# -j), so that a shared machine's drifting load hits all of them alike; each round gives its own
# ratios, and the table shows the median ratio next to the median times.
for name in floor_n check_n text_n par_n; do : >"$tmp/$name.wall"; : >"$tmp/$name.cpu"; : >"$tmp/$name.rss"; done
"$floor" -l "$dir/n$N.list" >/dev/null 2>&1; "$bin" check --format json --fail-on never "$dir/n$N" >/dev/null 2>&1 || true
r=0
while [ "$r" -lt "$RUNS" ]; do
    once floor_n "$floor" -l "$dir/n$N.list"
    once check_n "$bin" check --format json --fail-on never "$dir/n$N"
    once text_n "$bin" check --fail-on never "$dir/n$N"
    once par_n "$bin" check -j --format json --fail-on never "$dir/n$N"
    r=$((r + 1))
done
measure floor_1k "$floor" -l "$dir/n1000.list"
measure check_1k "$bin" check --format json --fail-on never "$dir/n1000"
measure compile_proc "$bin" compile "$RULES"
bigmap_line=$("$bigmap" 2>&1 || echo "n/a")
big_compiles=$("$compile_loop" --big)
loop=$("$compile_loop" "$RULES" 1000 | sed 's/.*mean \([0-9.]*\) us.*fastest batch \([0-9.]*\) us.*/\1 µs mean (fastest batch \2 µs)/')

# --- callgrind --------------------------------------------------------------------------------
ir() { # OUTFILE CMD...: total instructions of one run under callgrind
    out=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
    awk '/^totals:/ {print $2}' "$out"
}
if command -v valgrind >/dev/null 2>&1; then
    echo "bench: callgrind ($CG_N profiles and 1)" >&2
    f_all=$(ir "$dir/callgrind.floor" "$floor" -l "$dir/cg.list")
    f_one=$(ir "$tmp/cg.f1" "$floor" -l "$dir/cg1.list")
    c_all=$(ir "$dir/callgrind.check" "$bin" check --format json --fail-on never "$dir/cg")
    c_one=$(ir "$tmp/cg.c1" "$bin" check --format json --fail-on never "$dir/cg1")
    ir_floor=$(echo "$f_all $f_one $CG_N" | awk '{printf "%.0f", ($1 - $2) / ($3 - 1)}')
    ir_check=$(echo "$c_all $c_one $CG_N" | awk '{printf "%.0f", ($1 - $2) / ($3 - 1)}')
    # first-level data cache misses (cachegrind's simulated cache): what instructions do not show
    echo "bench: cachegrind ($CG_N profiles and 1)" >&2
    d1() { # CMD...: D1 read + write misses of one run
        valgrind --tool=cachegrind --cache-sim=yes --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
            sed -n 's/.*D1  misses: *\([0-9,]*\).*/\1/p' | tr -d ,
    }
    d1_floor=$(echo "$(d1 "$floor" -l "$dir/cg.list") $(d1 "$floor" -l "$dir/cg1.list") $CG_N" |
        awk 'NF == 3 {printf "%.0f", ($1 - $2) / ($3 - 1); exit} {print "n/a"}')
    d1_check=$(echo "$(d1 "$bin" check --format json --fail-on never "$dir/cg") $(d1 "$bin" check --format json --fail-on never "$dir/cg1") $CG_N" |
        awk 'NF == 3 {printf "%.0f", ($1 - $2) / ($3 - 1); exit} {print "n/a"}')
else
    ir_floor=n/a ir_check=n/a d1_floor=n/a d1_check=n/a
fi

# --- the table --------------------------------------------------------------------------------
ratio() { echo "$1 $2" | awk '$1 + 0 > 0 && $2 + 0 > 0 {printf "%.2f×", $1 / $2; exit} {print "n/a"}'; }
# rratio NAME KIND: the median over the rounds of NAME's time divided by the floor's in the same round
rratio() {
    if [ -s "$tmp/$1.$2" ] && [ -s "$tmp/floor_n.$2" ]; then
        paste "$tmp/$1.$2" "$tmp/floor_n.$2" | awk '$2 > 0 {printf "%.4f\n", $1 / $2}' | median | awk '{printf "%.2f×", $1}'
    else
        echo "n/a"
    fi
}
per_profile_us() { echo "$1 $2" | awk '$1 + 0 > 0 {printf "%.0f", $1 * 1e6 / $2; exit} {print "n/a"}'; }
fw=$(med floor_n wall) fc=$(med floor_n cpu) fr=$(med floor_n rss)
cw=$(med check_n wall) cc=$(med check_n cpu) cr=$(med check_n rss)
tw=$(med text_n wall) tc=$(med text_n cpu) tr=$(med text_n rss)
jw=$(med par_n wall) jc=$(med par_n cpu) jr=$(med par_n rss)
fr1=$(med floor_1k rss) cr1=$(med check_1k rss)
pw=$(med compile_proc wall)
{
    echo "| what | N | wall (s) | CPU user+sys (s) | µs / profile (wall) | peak RSS (KB) | ratio to floor |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    echo "| floor: libyaml events only (\`yamlfloor\`) | $N | $fw | $fc | $(per_profile_us "$fw" "$N") | $fr | 1.00× |"
    echo "| \`sopcheck check --format json\`, 1 thread | $N | $cw | $cc | $(per_profile_us "$cw" "$N") | $cr | wall $(rratio check_n wall), CPU $(rratio check_n cpu) |"
    echo "| \`sopcheck check\` (text report), 1 thread | $N | $tw | $tc | $(per_profile_us "$tw" "$N") | $tr | wall $(rratio text_n wall), CPU $(rratio text_n cpu) |"
    echo "| \`sopcheck check -j --format json\`, $(nproc) threads | $N | $jw | $jc | $(per_profile_us "$jw" "$N") | $jr | wall $(rratio par_n wall) (the floor is one thread), CPU $(rratio par_n cpu); $(ratio "$cw" "$jw") faster than 1 thread |"
    echo "| floor, peak RSS | 1000 | | | | $fr1 | |"
    echo "| \`sopcheck check\`, peak RSS | 1000 | | | | $cr1 | |"
    echo "| \`sopcheck compile $RULES\` (whole process) | – | $pw | | | | |"
    echo "| \`sc_compile_file\` × 1000 (\`bench_compile\`) | – | $loop | | | | |"
    echo "| a YAML mapping of 10,000 and of 40,000 keys (\`bench_bigmap\`; linear: ratio ≈ 4, quadratic: 16) | – | $bigmap_line | | | | |"
    echo "| callgrind instructions per profile, floor | $CG_N | $ir_floor Ir | | | | 1.00× |"
    echo "| callgrind instructions per profile, check | $CG_N | $ir_check Ir | | | | $(ratio "$ir_check" "$ir_floor") |"
    echo "| cachegrind first-level data cache misses per profile, floor / check | $CG_N | $d1_floor / $d1_check | | | | |"
    echo
    echo "Rules files of about 1 MB, one per construct (\`bench_compile --big\`, tools/bigrules.h; each compiles in time linear in its size, or is refused):"
    echo
    echo '```'
    echo "$big_compiles"
    echo '```'
    echo
    echo "Profiles: $made; $avg_bytes bytes on average; JSON report $json_bytes bytes per profile."
    echo "Runs: $RUNS rounds (median), interleaved floor/json/text/-j, warm page cache; ratios are medians of per-round ratios. Ir: callgrind instructions per profile, start-up and rules compile left out."
    echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(date -u +%Y-%m-%d);" \
        "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after (wall times suffer when it exceeds the cores; CPU times and Ir much less)."
} | tee "$dir/results.md"
