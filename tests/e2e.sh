#!/bin/sh
# tests/e2e.sh — end to end: the README's main job, exit statuses, and the JSON report's shape, on the built binary.
set -u
# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e "$@"
ok() { e2e_pass; }
bad() { e2e_fail "$@"; }
expect_rc() { # expected-rc description command...
    want=$1 what=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"; got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/    /' "$TMP/err" | head -5; fi
}

expect_rc 0 "the rules in rules/ are formatted as sopcheck fmt writes them" "$BIN" fmt --check rules/*.rules
expect_rc 0 "compile the bundled rules" "$BIN" compile
grep -q "0 errors, 0 warnings" "$TMP/err" && ok || bad "bundled rules compile with warnings: $(cat "$TMP/err")"
expect_rc 0 "a compliant profile" "$BIN" check fixtures/profiles/voldoet-alles.yaml
grep -q "voldoet aan de basisondersteuning" "$TMP/out" && ok || bad "compliant verdict missing"
expect_rc 1 "a failing profile" "$BIN" check fixtures/profiles/faalt-a13.yaml
grep -q "voldoet NIET" "$TMP/out" && ok || bad "failing verdict missing"
expect_rc 1 "an incomplete profile" "$BIN" check fixtures/profiles/onbeantwoord.yaml
expect_rc 0 "an incomplete profile with --fail-on not-compliant" "$BIN" check --fail-on not-compliant fixtures/profiles/onbeantwoord.yaml
expect_rc 1 "a failing profile with --fail-on not-compliant" "$BIN" check --fail-on not-compliant fixtures/profiles/faalt-a13.yaml
expect_rc 0 "a failing profile with --fail-on never" "$BIN" check --fail-on never fixtures/profiles/faalt-a13.yaml
expect_rc 2 "the samples (one is invalid)" "$BIN" check fixtures/samples
expect_rc 2 "an invalid profile with --fail-on never" "$BIN" check --fail-on never fixtures/samples
expect_rc 2 "a missing file" "$BIN" check "$TMP/nope.yaml"
expect_rc 2 "an unknown option" "$BIN" check --frmat json fixtures/samples
expect_rc 2 "an unknown format" "$BIN" check --format xml fixtures/samples
expect_rc 2 "invalid rules" "$BIN" check --rules tests/e2e-data/broken.rules fixtures/samples
expect_rc 0 "English report" "$BIN" check --lang en fixtures/profiles/voldoet-alles.yaml
grep -q "meets the basic support" "$TMP/out" && ok || bad "English verdict missing"

# standard input, and a typo reported at its line:col while the other files are still checked
expect_rc 1 "standard input" sh -c "\"$BIN\" check - < fixtures/profiles/faalt-a05.yaml"
expect_rc 2 "the samples as JSON" "$BIN" check --format json fixtures/samples
if python3 - "$TMP/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == 3 and r["rules"]["version"] == "2023-04-04", r["rules"]
(v,) = r["versions"]
assert (v["name"], v["version"]) == (r["rules"]["name"], r["rules"]["version"]), v["name"]
assert len(v["promises"]) == 7 and len(v["agreements"]) == 14, (len(v["promises"]), len(v["agreements"]))
assert v["files"][0]["path"] == "rules/zoetermeer-2023.rules", v["files"]
ps = {p["file"]: p for p in r["profiles"]}
assert len(ps) == len(r["profiles"]) == 4, list(ps)
st = sorted(p["status"] for p in r["profiles"])
assert st == ["compliant", "incomplete", "invalid", "not_compliant"], st
bad = ps["fixtures/samples/de-sterrenwacht.yaml"]
assert bad["errors"][0]["line"] == 17 and bad["errors"][0]["col"] == 5, bad["errors"]
assert "aanbod.dyslexi" in bad["errors"][0]["message"]
ok = ps["fixtures/samples/de-regenboog.yaml"]
assert len(ok["agreements"]) == 14 and len(ok["promises"]) == 7
assert all(a["status"] == "met" for a in ok["agreements"])
items = [i for a in ok["agreements"] for i in a["items"]]
assert all(isinstance(i["line"], int) for i in items if i["value"] is not None)
# the profile lists the items of each agreement in the order of the rules, and the rules say what they are
assert [a["id"] for a in ok["agreements"]] == [a["id"] for a in v["agreements"]]
assert all([i["id"] for i in a["items"]] == c["items"] for a, c in zip(ok["agreements"], v["agreements"]))
offer = [f["id"] for c in ok["offer"] for f in c["items"]]
assert [c["id"] for c in ok["offer"]] == [c["id"] for c in v["catalogues"]] and offer == [f for c in v["catalogues"] for f in c["items"]]
assert sorted([i["id"] for g in ok["agreements"] + ok["promises"] for i in g["items"]] + offer) == sorted(v["items"])
assert all(v["items"][f]["catalogue"] for f in offer) and not any(v["items"][i["id"]]["catalogue"] for g in ok["agreements"] for i in g["items"])
assert "offer" not in bad and "texts" not in bad
assert all(v["items"][i["id"]]["text"] for i in items)
assert sum(ok["categories"]["hgw"].values()) == 14, ok["categories"]
assert r["summary"] == {"profiles": 4, "compliant": 1, "not_compliant": 1, "incomplete": 1, "invalid": 1}, r["summary"]
PY
then ok; else bad "JSON report shape"; fi

# a peildatum outside the rules' validity is refused at the peildatum, a day inside is judged
sed 's/peildatum: 2026-10-01/peildatum: 2023-07-31/' fixtures/profiles/voldoet-alles.yaml > "$TMP/te-vroeg.yaml"
sed 's/peildatum: 2026-10-01/peildatum: 2023-08-01/' fixtures/profiles/voldoet-alles.yaml > "$TMP/eerste-dag.yaml"
expect_rc 2 "a peildatum before 'valid from'" "$BIN" check "$TMP/te-vroeg.yaml"
grep -q "te-vroeg.yaml:12:14: fout: de regels .* gelden niet op de peildatum 2023-07-31" "$TMP/out" && ok || bad "no located error for a peildatum out of force: $(head -3 "$TMP/out")"
"$BIN" check --format json "$TMP/eerste-dag.yaml" > "$TMP/eerste.json" 2>/dev/null
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['profiles'][0]['status'] != 'invalid'" "$TMP/eerste.json" && ok || bad "the first day of validity is refused"

# --output is written whole or not at all
expect_rc 2 "--output" "$BIN" check --format json --output "$TMP/report.json" fixtures/samples
[ -s "$TMP/report.json" ] && python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/report.json" && ok || bad "--output file missing or not JSON"
[ -z "$(ls "$TMP" | grep '\.tmp\.')" ] && ok || bad "a temporary report file was left behind"
[ ! -s "$TMP/out" ] && ok || bad "--output also wrote to stdout"

# --output onto a pipe writes into it and leaves it a pipe; a new report file gets the umask's mode, not 0600
mkfifo "$TMP/pipe"
cat "$TMP/pipe" > "$TMP/from-pipe" &
reader=$!
"$BIN" check --format json --output "$TMP/pipe" fixtures/profiles/voldoet-alles.yaml 2>/dev/null
wait $reader
[ -p "$TMP/pipe" ] && ok || bad "--output replaced a FIFO with a file"
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$TMP/from-pipe" && ok || bad "--output onto a FIFO did not deliver the report"
(umask 022 && "$BIN" check --format json --output "$TMP/mode.json" fixtures/profiles/voldoet-alles.yaml 2>/dev/null)
[ "$(stat -c %a "$TMP/mode.json")" = 644 ] && ok || bad "--output file mode is $(stat -c %a "$TMP/mode.json"), expected 644 under umask 022"

# a file name that is not UTF-8 still gives valid UTF-8 JSON and well-formed XML
mkdir -p "$TMP/naam"
cp fixtures/profiles/voldoet-alles.yaml "$TMP/naam/$(printf 'school-\377.yaml')"
"$BIN" check --format json "$TMP/naam" > "$TMP/naam.json" 2>/dev/null
python3 -c "import json,sys; d=json.loads(open(sys.argv[1],'rb').read().decode('utf-8')); assert d['profiles'][0]['file'].endswith('school-\ufffd.yaml')" "$TMP/naam.json" && ok || bad "a non-UTF-8 file name broke the JSON report"
if command -v xmllint >/dev/null 2>&1; then
    "$BIN" check --format junit "$TMP/naam" > "$TMP/naam.xml" 2>/dev/null
    xmllint --noout "$TMP/naam.xml" 2>/dev/null && ok || bad "a non-UTF-8 file name broke the JUnit report"
fi

# the profile's messages and hints speak the report's language: Dutch by default, English with --lang en
expect_rc 2 "a typo, in Dutch" "$BIN" check fixtures/samples/de-sterrenwacht.yaml
grep -qF "de-sterrenwacht.yaml:17:5: fout: onbekende sleutel 'aanbod.dyslexi'" "$TMP/out" && ok || bad "Dutch message missing: $(head -3 "$TMP/out")"
grep -qF "tip: bedoelt u 'aanbod.dyslexie'?" "$TMP/out" && ok || bad "Dutch hint missing: $(head -5 "$TMP/out")"
grep -qE "unknown key|did you mean" "$TMP/out" && bad "English words in the Dutch report: $(head -5 "$TMP/out")" || ok
expect_rc 2 "a typo, in English" "$BIN" check --lang en fixtures/samples/de-sterrenwacht.yaml
grep -qF "de-sterrenwacht.yaml:17:5: error: unknown key 'aanbod.dyslexi'" "$TMP/out" && ok || bad "English message missing: $(head -3 "$TMP/out")"
grep -qF "hint: did you mean 'aanbod.dyslexie'?" "$TMP/out" && ok || bad "English hint missing: $(head -5 "$TMP/out")"
grep -qE "onbekende sleutel|bedoelt u" "$TMP/out" && bad "Dutch words in the English report: $(head -5 "$TMP/out")" || ok
for lang in nl en; do
    expect_rc 2 "a typo as JSON, --lang $lang" "$BIN" check --format json --lang $lang fixtures/samples/de-sterrenwacht.yaml
    python3 - "$TMP/out" $lang <<'PY' && ok || bad "JSON message and hint in --lang $lang"
import json, sys
e = json.load(open(sys.argv[1]))["profiles"][0]["errors"][0]
want = {"nl": ("onbekende sleutel 'aanbod.dyslexi'", "bedoelt u 'aanbod.dyslexie'?"),
        "en": ("unknown key 'aanbod.dyslexi'", "did you mean 'aanbod.dyslexie'?")}[sys.argv[2]]
assert (e["message"], e["hint"]) == want, e
PY
    grep -qF "de-sterrenwacht.yaml:17:5: $([ $lang = nl ] && echo fout || echo error): $([ $lang = nl ] && echo onbekende sleutel || echo unknown key)" "$TMP/err" && ok || bad "standard error in --lang $lang: $(head -2 "$TMP/err")"
done
expect_rc 2 "a missing file, in Dutch" "$BIN" check "$TMP/nope.yaml"
grep -qF "fout: kan het profiel niet lezen: het bestand of de map bestaat niet" "$TMP/out" && ok || bad "unreadable file in Dutch: $(head -3 "$TMP/out")"
expect_rc 2 "a missing file, in English" "$BIN" check --lang en "$TMP/nope.yaml"
grep -qF "error: cannot read the profile: no such file or directory" "$TMP/out" && ok || bad "unreadable file in English: $(head -3 "$TMP/out")"

# the offer and the school's own texts are recorded, never judged: without them every verdict stays the same
awk '/^  # Het ondersteuningsaanbod naast de basis/{exit} {print}' fixtures/samples/de-regenboog.yaml >"$TMP/zonder-aanbod.yaml"
grep -q '^  extra:' fixtures/samples/de-regenboog.yaml && ! grep -q 'extra:\|teksten:\|grenzen:' "$TMP/zonder-aanbod.yaml" && ok || bad "the sample's offer could not be cut off"
for f in fixtures/samples/de-regenboog.yaml "$TMP/zonder-aanbod.yaml"; do
    "$BIN" check --format json "$f" >"$TMP/$(basename "$f").json"; echo $? >>"$TMP/aanbod-rc"
done
python3 - "$TMP/de-regenboog.yaml.json" "$TMP/zonder-aanbod.yaml.json" <<'PY' && ok || bad "an offer or a text changed a verdict"
import json, sys
def verdicts(path):
    p = json.load(open(path))["profiles"][0]
    return (p["status"], [(a["id"], a["status"], [(i["id"], i["status"], i["ambition"]) for i in a["items"]]) for a in p["agreements"]],
            [(x["id"], x["status"]) for x in p["promises"]])
a, b = verdicts(sys.argv[1]), verdicts(sys.argv[2])
assert a == b and a[0] == "compliant", (a[0], b[0])
PY
# ... the text report shows them in a section of their own, with no verdict words, and only when there are any
"$BIN" check fixtures/samples/de-regenboog.yaml >"$TMP/aanbod.txt"
"$BIN" check "$TMP/zonder-aanbod.yaml" >"$TMP/zonder-aanbod.txt"
awk '/Aanbod naast de basis/{on=1} on' "$TMP/aanbod.txt" >"$TMP/aanbod-sectie.txt"
grep -qx '  Aanbod naast de basis (vastgelegd, niet beoordeeld): 14 van 31 onderdelen beschreven' "$TMP/aanbod-sectie.txt" && ok || bad "text: the offer's heading: $(head -1 "$TMP/aanbod-sectie.txt")"
grep -qx '    Meer- en hoogbegaafdheid: Plusklas — in de wijk, 12 plaatsen, 4 uur per week' "$TMP/aanbod-sectie.txt" && ok || bad "text: the plusklas with its capacity"
grep -qx '    Gedrag: Een aanbod voor leerlingen met gedragsproblemen — in de wijk, 8 plaatsen; Een time-outplek met begeleiding — op schoolniveau' "$TMP/aanbod-sectie.txt" && ok || bad "text: two offers of one catalogue on one line"
[ "$(wc -l <"$TMP/aanbod-sectie.txt")" -eq 8 ] && ok || bad "text: the offer is one line per catalogue described (7) and a heading"
! grep -Eqi 'niet gehaald|onvolledig|niet ingevuld' "$TMP/aanbod-sectie.txt" && ok || bad "text: the offer reads as a failure"
! grep -q 'Aanbod naast' "$TMP/zonder-aanbod.txt" && ok || bad "text: an offer section without an offer"
"$BIN" check --lang en fixtures/samples/de-regenboog.yaml | grep -qx '  Offer beside the basis (recorded, not judged): 14 of 31 entries described' && ok || bad "text: the offer in English"

# ... and the JSON report holds them, each where the school wrote it
python3 - "$TMP/de-regenboog.yaml.json" "$TMP/zonder-aanbod.yaml.json" fixtures/samples/de-regenboog.yaml <<'PY' && ok || bad "the JSON report's offer and texts"
import json, sys
full, cut = (json.load(open(f))["profiles"][0] for f in sys.argv[1:3])
lines = open(sys.argv[3]).read().split("\n")
def at(t):  # the text of a located value as the file has it
    return lines[t["line"] - 1][t["col"] - 1:]
given = [f for c in full["offer"] for f in c["items"] if f["value"] is not None]
assert len(given) >= 10, len(given)
for f in given:
    leaf = f["id"].split(".")[-1]
    assert f["line"] and (lines[f["line"] - 1].lstrip().startswith(leaf + ":") or lines[f["line"] - 1].lstrip().startswith("antwoord:")), (f, lines[f["line"] - 1])
d = {f["id"]: f for f in given}["extra.taal.dyslexiebegeleiding"]
assert d["value"] == "school" and d["details"]["hours"] == 6 and d["details"]["places"] is None, d
assert at(d["details"]["sop"]).startswith('"Een dyslexiespecialist'), at(d["details"]["sop"])
assert all(f["value"] is None and f["line"] is None for c in cut["offer"] for f in c["items"])
t = full["texts"]
assert at(t["limits"]["sop"]).startswith('"Wij kunnen geen verpleegkundige zorg'), t["limits"]
assert [s["kind"] for s in t["sections"]][:1] == ["school"] and t["ambitions"][0]["date"] == "2027-08-01", t
assert cut["texts"] == {"sections": [], "limits": {"sop": None, "parents": None}, "ambitions": [], "developing": []}, cut["texts"]
PY
[ "$(tr -d '\n' <"$TMP/aanbod-rc")" = "00" ] && ok || bad "exit statuses with and without the offer: $(cat "$TMP/aanbod-rc")"

# a school may write a choice by its label, in any case, and a percentage with 'procent': the same verdicts as the codes
for f in de-regenboog het-palet; do
    sed -e 's/: school$/: Op schoolniveau/' -e 's/: wijk$/: In de wijk/' -e 's/: bestuur$/: bij het eigen BESTUUR/' \
        -e 's/: actief$/: Actief toegepast/' -e 's/: voldoende$/: Voldoende/' -e '/^  hgw:/,/^  [a-z_]*:$/ s/: \([0-9][0-9]*\)$/: \1 procent/' \
        "fixtures/samples/$f.yaml" >"$TMP/$f-woorden.yaml"
    n=$(grep -c 'Op schoolniveau\|Actief toegepast\| procent$' "$TMP/$f-woorden.yaml")
    [ "$n" -ge 10 ] && ok || bad "$f: too few answers rewritten in words ($n)"
    "$BIN" check --format json "fixtures/samples/$f.yaml" >"$TMP/$f-codes.json"; rc1=$?
    "$BIN" check --format json "$TMP/$f-woorden.yaml" >"$TMP/$f-woorden.json"; rc2=$?
    python3 - "$TMP/$f-codes.json" "$TMP/$f-woorden.json" <<'PY' && ok || bad "$f: written in words, the verdicts differ from the codes"
import json, sys
def verdicts(path):
    p = json.load(open(path))["profiles"][0]
    assert not p.get("errors"), p.get("errors")
    return (p["status"], [(a["id"], a["status"], [(i["id"], i["status"], i.get("value")) for i in a["items"]]) for a in p["agreements"]])
assert verdicts(sys.argv[1]) == verdicts(sys.argv[2])
PY
    [ "$rc1" = "$rc2" ] && ok || bad "$f: exit status $rc1 with codes, $rc2 in words"
done

e2e_finish
