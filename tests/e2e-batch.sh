#!/bin/sh
# tests/e2e-batch.sh — sopcheck check over a messy batch: good and bad profiles, an unreadable file, a directory symlink loop, an empty directory, a non-YAML file named .yaml, special files named .yaml (a FIFO, a socket, a symbolic link to a FIFO) and standard input; every input is reported exactly once in the JSON report, and the exit status is 2.
#
#   sh tests/e2e-batch.sh build/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-batch "$@"
ok() { e2e_pass; }
fail() { e2e_fail "$@"; }
check() { e2e_check "$@"; }

command -v python3 >/dev/null 2>&1 || {
    echo "e2e-batch: python3 is needed to read the JSON report" >&2
    exit 1
}
batch=$TMP/batch
mkdir -p "$batch/goed" "$batch/fout" "$batch/leeg" "$TMP/lege-map"

# good profiles, one of them also reachable as a second command-line argument
cp "$ROOT/fixtures/profiles/voldoet-alles.yaml" "$batch/goed/voldoet-alles.yaml"
cp "$ROOT/fixtures/samples/de-wilgen.yaml" "$batch/goed/de-wilgen.yml"
cp "$ROOT/fixtures/profiles/faalt-a01.yaml" "$batch/goed/faalt-a01.yaml"
# bad profiles from the corpus
cp "$ROOT/tests/bad/16-percent-ja.yaml" "$batch/fout/percent-ja.yaml"
cp "$ROOT/tests/bad/01-syntax-unclosed-quote.yaml" "$batch/fout/syntax.yaml"
cp "$ROOT/tests/bad/34-alias-bomb.yaml" "$batch/fout/alias-bomb.yaml"
# not YAML at all, but named .yaml: the start of a PNG image
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' >"$batch/plaatje.yaml"
# not a profile by name: never read
echo "notes" >"$batch/lees-mij.txt"
# a symbolic link back to the batch directory itself
ln -s .. "$batch/goed/terug"
# special files named .yaml: reading one would wait forever (a FIFO without a writer) or fail
# late; each is refused as not a regular file, without reading. Every run below has a timeout,
# so that a regression fails instead of hanging.
mkfifo "$batch/pijp.yaml"
ln -s ../pijp.yaml "$batch/goed/naar-pijp.yaml"
python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); s.close()' "$batch/stopcontact.yaml"
# an unreadable profile (root reads everything: then this case is skipped)
unreadable=""
if [ "$(id -u)" = 0 ]; then
    echo "e2e-batch: running as root: the unreadable-file case is skipped (root can read a mode 000 file)"
else
    cp "$ROOT/fixtures/profiles/voldoet-alles.yaml" "$batch/geheim.yaml"
    chmod 000 "$batch/geheim.yaml"
    unreadable=$batch/geheim.yaml
fi

# the inputs that must each appear exactly once, with the status they must have
expected=$TMP/expected
{
    echo "$batch/fout/alias-bomb.yaml	invalid"
    echo "$batch/fout/percent-ja.yaml	invalid"
    echo "$batch/fout/syntax.yaml	invalid"
    [ -n "$unreadable" ] && echo "$unreadable	invalid"
    echo "$batch/goed/de-wilgen.yml	incomplete"
    echo "$batch/goed/faalt-a01.yaml	not_compliant"
    echo "$batch/goed/terug	invalid"
    echo "$batch/goed/voldoet-alles.yaml	compliant"
    echo "$batch/goed/naar-pijp.yaml	invalid"
    echo "$batch/pijp.yaml	invalid"
    echo "$batch/plaatje.yaml	invalid"
    echo "$batch/stopcontact.yaml	invalid"
    echo "$TMP/lege-map	invalid"
    echo "-	compliant"
} >"$expected"

out=$TMP/report.json
timeout 30 "$BIN" check --format json "$batch" "$batch/goed/voldoet-alles.yaml" "$TMP/lege-map" - \
    <"$ROOT/fixtures/profiles/voldoet-alles.yaml" >"$out" 2>"$TMP/stderr"
status=$?
check "exit status is 2 (some inputs are invalid), not $status" [ "$status" = 2 ]

# every check the JSON allows, one line each: "ok WHAT" or "FAIL WHAT"
python3 - "$out" "$expected" >"$TMP/verdicts" 2>&1 <<'EOF'
import collections, json, sys

report_path, expected_path = sys.argv[1], sys.argv[2]
def say(ok, what):
    print(("ok " if ok else "FAIL ") + what)

try:
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
except Exception as e:  # not JSON: nothing else can be checked
    say(False, "the report is JSON (%s)" % e)
    sys.exit(0)
say(True, "the report is JSON")

expected = {}
with open(expected_path, encoding="utf-8") as f:
    for line in f:
        path, status = line.rstrip("\n").split("\t")
        expected[path] = status

profiles = report.get("profiles", [])
counts = collections.Counter(p.get("file") for p in profiles)
for path, status in sorted(expected.items()):
    n = counts.get(path, 0)
    say(n == 1, "%s is reported exactly once (%d times)" % (path, n))
    got = [p.get("status") for p in profiles if p.get("file") == path]
    say(got[:1] == [status], "%s is %s (%s)" % (path, status, ", ".join(map(str, got)) or "absent"))
extra = sorted(set(counts) - set(expected))
say(not extra, "nothing else is reported (%s)" % ", ".join(map(str, extra)))
say(report.get("summary", {}).get("profiles") == len(profiles) == len(expected),
    "the summary counts %d profiles" % len(expected))
for p in profiles:
    if p.get("status") == "invalid":
        errs = p.get("errors") or []
        say(len(errs) >= 1 and all(e.get("message") for e in errs), "%s says why it is invalid" % p.get("file"))

def first_message(path):
    for p in profiles:
        if p.get("file") == path and p.get("errors"):
            return p["errors"][0].get("message", "")
    return ""
loop = [k for k in expected if k.endswith("/terug")][0]
say("verwijst terug naar een map erboven" in first_message(loop), "the symlink loop is named as one: " + first_message(loop))
empty = [k for k in expected if k.endswith("/lege-map")][0]
say("bevat geen profielen" in first_message(empty), "the empty directory is named as one: " + first_message(empty))
png = [k for k in expected if k.endswith("/plaatje.yaml")][0]
say("UTF-8" in first_message(png), "the PNG named .yaml is refused as text that is not UTF-8: " + first_message(png))
for k in expected:
    if k.endswith(("/pijp.yaml", "/naar-pijp.yaml", "/stopcontact.yaml")):
        say(first_message(k) == "kan het profiel niet lezen: het is geen gewoon bestand",
            "the special file %s is refused as one: %s" % (k, first_message(k)))
    if k.endswith("/geheim.yaml"):
        say("kan het profiel niet lezen" in first_message(k), "the unreadable file is named as one: " + first_message(k))
EOF
while IFS= read -r line; do
    case $line in
    "ok "*) ok ;;
    *) fail "${line#FAIL }" ;;
    esac
done <"$TMP/verdicts"

# the same batch as text: the same exit status, and every input named
timeout 30 "$BIN" check "$batch" "$TMP/lege-map" - <"$ROOT/fixtures/profiles/voldoet-alles.yaml" >"$TMP/report.txt" 2>&1
status=$?
check "the text report exits 2 as well, not $status" [ "$status" = 2 ]
while IFS='	' read -r path _; do
    [ "$path" = - ] && continue
    check "the text report names $path" grep -qF "$path" "$TMP/report.txt"
done <"$expected"

# special files given directly, in English: a FIFO, a symbolic link to it, a character device
timeout 30 "$BIN" check --lang en "$batch/pijp.yaml" "$batch/goed/naar-pijp.yaml" /dev/null >"$TMP/special.txt" 2>&1
status=$?
check "special files given directly exit 2, not $status" [ "$status" = 2 ]
for path in "$batch/pijp.yaml" "$batch/goed/naar-pijp.yaml" /dev/null; do
    check "$path is refused as not a regular file" grep -qxF "  $path: error: cannot read the profile: is not a regular file" "$TMP/special.txt"
done

# rules: a FIFO as the rules file, as --rules, and included from a rules file (a located error there)
timeout 30 "$BIN" compile "$batch/pijp.yaml" >"$TMP/rules.txt" 2>&1
status=$?
check "compile of a FIFO exits 2, not $status" [ "$status" = 2 ]
check "compile of a FIFO says why" grep -qxF "$batch/pijp.yaml: error: cannot read rules: is not a regular file" "$TMP/rules.txt"
timeout 30 "$BIN" check --rules "$batch/pijp.yaml" "$ROOT/fixtures/profiles/voldoet-alles.yaml" >"$TMP/rules.txt" 2>&1
status=$?
check "check --rules FIFO exits 2, not $status" [ "$status" = 2 ]
check "check --rules FIFO says why" grep -qF "cannot read rules: is not a regular file" "$TMP/rules.txt"
printf 'ruleset "x"\ninclude "pijp.yaml"\n' >"$batch/met-pijp.rules"
timeout 30 "$BIN" compile "$batch/met-pijp.rules" >"$TMP/rules.txt" 2>&1
status=$?
check "an include of a FIFO exits 2, not $status" [ "$status" = 2 ]
check "an include of a FIFO is a located error" grep -qxF "$batch/met-pijp.rules:2:1: error: cannot include '$batch/pijp.yaml': is not a regular file" "$TMP/rules.txt"
timeout 30 "$BIN" fmt --check "$batch/pijp.yaml" >"$TMP/rules.txt" 2>&1
status=$?
check "fmt of a FIFO exits 2, not $status" [ "$status" = 2 ]
check "fmt of a FIFO says why" grep -qxF "sopcheck fmt: $batch/pijp.yaml: is not a regular file" "$TMP/rules.txt"

e2e_finish
