#!/bin/sh
# tests/e2e-versions.sh — versions in force: several --rules (or a directory of them), each profile judged by the
# version in force on its peildatum, the per-profile `rules` in JSON, and a profile no version covers.
#
# usage: sh tests/e2e-versions.sh path/to/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-versions "$@"
ok() { e2e_pass; }
bad() { e2e_fail "$@"; }
run() {
    RC=0
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
}
status() { if [ "$RC" -eq "$1" ]; then ok; else bad "$2: exit status $RC, expected $1"; fi; }

V23=rules/zoetermeer-2023.rules
V25=docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules
P=fixtures/tests-2025/profiles
# a profile of 2024 (2023 in force), one of 2026 (2025 in force; 2023 has no 'until', the latest 'valid from' wins)
sed 's/peildatum: 2024-10-01/peildatum: 2020-10-01/' $P/dyscalculie-beschikbaar-2024.yaml >"$TMP/oud-2020.yaml"

# --- two versions: JSON per profile ---------------------------------------------------
run check --format json --lang en --rules $V23 --rules $V25 $P/dyscalculie-beschikbaar-2024.yaml $P/voldoet-2025.yaml \
    $P/dyscalculie-beschikbaar-2026.yaml "$TMP/oud-2020.yaml"
status 2 "a batch with a profile no version covers"
if python3 - "$TMP/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["rules"]["version"] == "2023-04-04", r["rules"]
# both versions are described once, the primary first; the 2025 one has the agreements it adds
assert [(v["version"], v["valid_from"]) for v in r["versions"]] == [("2023-04-04", "2023-08-01"), ("2025-08-01", "2025-08-01")], r["versions"]
assert [len(v["agreements"]) for v in r["versions"]] == [14, 17]
ps = r["profiles"]
got = [(p["rules"]["version"], p["status"]) for p in ps]
assert got == [("2023-04-04", "compliant"), ("2025-08-01", "compliant"), ("2025-08-01", "not_compliant"),
               ("2023-04-04", "invalid")], got
assert [a["id"] for a in ps[2]["agreements"] if a["status"] == "not_met"] == ["A13"]
assert len(ps[0]["agreements"]) == 14 and len(ps[1]["agreements"]) == 17
v25 = r["versions"][1]["items"]
assert all(i["id"] in v25 for a in ps[1]["agreements"] for i in a["items"])
# norms in words are the ones of the version that judged the profile, in the report's language
norms = [v["items"]["protocol.dyscalculie"]["norm"] for v in r["versions"]]
assert norms == ["beschikbaar or better", "beschikbaar or better and actief toegepast"], norms
e = ps[3]["errors"]
assert len(e) == 1 and (e[0]["line"], e[0]["col"]) == (10, 14), e
assert "no version of the rules is in force on the peildatum 2020-10-01" in e[0]["message"], e
assert "version 2023-04-04 (valid from 2023-08-01)" in e[0]["message"] and "version 2025-08-01 (valid from 2025-08-01)" in e[0]["message"], e
assert r["summary"] == {"profiles": 4, "compliant": 2, "not_compliant": 1, "incomplete": 0, "invalid": 1}, r["summary"]
PY
then ok; else bad "JSON per-profile rules"; fi

# the JSON report still matches its schema (when jsonschema is there)
if python3 -c 'import jsonschema' 2>/dev/null; then
    if python3 -c 'import json,sys,jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open("docs/json-schema.json")))' "$TMP/out"; then ok; else bad "schema"; fi
fi

# --- the refusal in text, at the peildatum's line:col ---------------------------------
run check --rules $V23 --rules $V25 "$TMP/oud-2020.yaml"
status 2 "a profile of 2020"
if grep -q "oud-2020.yaml:10:14: fout: op de peildatum 2020-10-01 geldt geen versie van de regels: 'Basisondersteuning SWV PO Zoetermeer' versie 2023-04-04 (geldig vanaf 2023-08-01), 'Basisondersteuning SWV PO Zoetermeer' versie 2025-08-01 (geldig vanaf 2025-08-01)" "$TMP/out"; then ok; else bad "the refusal names the versions: $(head -3 "$TMP/out")"; fi

# --- no peildatum: with several versions none can be picked (invalid), with one it is judged ---------
sed '/^  peildatum:/d' $P/voldoet-2025.yaml >"$TMP/zonder.yaml"
sed 's/^  peildatum: .*/  peildatum:/' $P/voldoet-2025.yaml >"$TMP/leeg.yaml"
school_at=$(grep -n '^school:' "$TMP/zonder.yaml" | cut -d: -f1)
empty_at=$(grep -n '^  peildatum:$' "$TMP/leeg.yaml" | cut -d: -f1)
run check --format json --lang en --rules $V23 --rules $V25 "$TMP/zonder.yaml" "$TMP/leeg.yaml"
status 2 "no peildatum, two versions"
if python3 - "$TMP/out" "$school_at" "$empty_at" <<'PY'
import json, sys
ps = json.load(open(sys.argv[1]))["profiles"]
for p, at in zip(ps, [(int(sys.argv[2]), 1), (int(sys.argv[3]), 3)]):
    assert p["status"] == "invalid", p["status"]
    e = p["errors"]
    assert len(e) == 1 and (e[0]["line"], e[0]["col"]) == at, (e, at)
    assert e[0]["message"] == "the profile has no peildatum, which is needed to pick the version of the rules that judges it", e
    assert p["missing_required"] == ["school.peildatum"], p["missing_required"]
PY
then ok; else bad "no peildatum with two versions: the error at 'school:' or the empty key"; fi
run check --rules rules "$TMP/zonder.yaml"
status 2 "no peildatum, --rules DIR"
grep -qF "zonder.yaml:$school_at:1: fout: het profiel heeft geen peildatum, en die is nodig om te kiezen welke versie van de regels het beoordeelt" "$TMP/out" && ok || bad "no peildatum, Dutch: $(head -3 "$TMP/out")"
# one version: judged, incomplete; the date condition cannot be judged without the peildatum
run check --rules $V25 "$TMP/zonder.yaml"
status 1 "no peildatum, one version"
grep -qx "  ontbrekend: school.peildatum (Peildatum)" "$TMP/out" && ok || bad "one version: the missing line: $(head -3 "$TMP/out")"
grep -q "^        kan niet worden beoordeeld: de peildatum ontbreekt; antwoord 2026-03-15, norm: binnen 12 maanden vóór de peildatum  \[sop.laatst_geactualiseerd" "$TMP/out" && ok || bad "one version: the date item: $(grep -A1 laatst "$TMP/out")"
grep -q "fout" "$TMP/out" && bad "one version: an error: $(grep fout "$TMP/out")" || ok
run check --lang en --rules $V25 "$TMP/zonder.yaml"
grep -q "^        cannot be judged: the peildatum is missing; answer 2026-03-15, norm: within 12 months before the reference date" "$TMP/out" && ok || bad "one version in English: $(grep -A1 laatst "$TMP/out")"
run check --format json --rules $V23 --rules $V25 --fail-on never "$TMP/zonder.yaml"
# (--fail-on does not make an invalid profile valid)
status 2 "no peildatum, two versions, --fail-on never"

# --- the order of --rules does not matter for the choice, only for the header -------------
run check --format json --rules $V25 --rules $V23 $P/dyscalculie-beschikbaar-2024.yaml $P/dyscalculie-beschikbaar-2026.yaml
status 1 "versions given the other way round"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["rules"]["version"]=="2025-08-01"; assert [p["rules"]["version"] for p in r["profiles"]]==["2023-04-04","2025-08-01"]' "$TMP/out" && ok || bad "order of --rules"

# --- --rules DIR: the mains are the files with 'valid from' (not landelijke-norm-2025, not wpo-2026) ------
EX=docs/examples/voorbeeld-landelijke-norm
run check --format json --rules rules --rules $EX $P/dyscalculie-beschikbaar-2024.yaml $P/voldoet-2025.yaml
status 0 "--rules rules"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["rules"]["version"]=="2023-04-04"; assert [p["rules"]["version"] for p in r["profiles"]]==["2023-04-04","2025-08-01"]' "$TMP/out" && ok || bad "--rules DIR"
if [ -s "$TMP/err" ]; then bad "--rules DIR wrote to standard error: $(cat "$TMP/err")"; else ok; fi
mkdir "$TMP/leeg"
cp docs/examples/voorbeeld-landelijke-norm/landelijke-norm-2025.rules "$TMP/leeg/"
run check --rules "$TMP/leeg" $P/voldoet-2025.yaml
status 2 "a directory without a main ruleset"
grep -q "holds no main ruleset" "$TMP/err" && ok || bad "no main ruleset: $(cat "$TMP/err")"

# --- --rules DIR: a profile of school year 2026-2027 is judged by zoetermeer-2026 (the WPO layer) ---
run check --format json --rules rules --rules $EX fixtures/tests-2026/profiles/voldoet-2026.yaml fixtures/tests-2026/profiles/inbreng-ontbreekt-2026.yaml $P/voldoet-2025.yaml
status 1 "--rules rules, 2026"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [p["rules"]["version"] for p in r["profiles"]]==["2026-08-01","2026-08-01","2025-08-01"]' "$TMP/out" && ok || bad "--rules DIR, 2026 version"

# the example norm is not among the bundled rules: rules/ alone judges a 2026 profile by 2026 and knows no 2025
run check --format json --rules rules fixtures/tests-2026/profiles/voldoet-2026.yaml
status 0 "--rules rules alone, 2026"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert [p["rules"]["version"] for p in r["profiles"]]==["2026-08-01"]' "$TMP/out" && ok || bad "--rules rules alone"
if ls rules/landelijke-norm-2025.rules rules/zoetermeer-2025.rules >/dev/null 2>&1; then bad "the example norm is still among the bundled rules"; else ok; fi

# --- one version: as before -------------------------------------------------------------
run check --rules $V23 "$TMP/oud-2020.yaml"
status 2 "one version, out of force"
grep -q "de regels 'Basisondersteuning SWV PO Zoetermeer' versie 2023-04-04 gelden niet op de peildatum 2020-10-01 (geldig vanaf 2023-08-01)" "$TMP/out" && ok || bad "single version message"
run check --lang en --rules $V23 "$TMP/oud-2020.yaml"
grep -q "the rules 'Basisondersteuning SWV PO Zoetermeer' version 2023-04-04 are not in force on the peildatum 2020-10-01 (valid from 2023-08-01)" "$TMP/out" && ok || bad "single version message in English"
run check $P/zonder-aanvullingen-2026.yaml
status 0 "the bundled default is zoetermeer-2023 alone"

# --- the text report names the version that judged the profile ------------------------------
run check --rules $V23 --rules $V25 $P/dyscalculie-beschikbaar-2026.yaml
status 1 "text, two versions"
grep -q "A13  Protocollen" "$TMP/out" && ok || bad "text report: A13 not reported"
grep -qx "  regels: Basisondersteuning SWV PO Zoetermeer, versie 2025-08-01" "$TMP/out" && ok || bad "text report: the version is not named: $(sed -n 2p "$TMP/out")"
run check --lang en --rules $V23 --rules $V25 $P/dyscalculie-beschikbaar-2024.yaml
grep -qx "  rules: Basisondersteuning SWV PO Zoetermeer, version 2023-04-04" "$TMP/out" && ok || bad "text report, English: the version is not named: $(sed -n 2p "$TMP/out")"
# with one version there is nothing to choose, and no such line
run check --rules $V25 $P/dyscalculie-beschikbaar-2026.yaml
grep -q "^  regels: " "$TMP/out" && bad "text report names the version with one version only" || ok

# --- SARIF with two versions: one rule list for the run, every result pointing at its own rule ------
run check --format sarif --rules $V23 --rules $V25 $P/dyscalculie-beschikbaar-2024.yaml $P/voldoet-2025.yaml \
    $P/dyscalculie-beschikbaar-2026.yaml
status 1 "sarif, two versions"
if python3 - "$TMP/out" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert len(ids) == len(set(ids)), "a rule listed twice"
# the rules of the 2025 version that 2023 does not have are listed too, before sopcheck's own
assert "taal.signalering_lezen" in ids and ids.index("taal.signalering_lezen") < ids.index("sopcheck/invalid-profile"), ids
assert ids[-3:] == ["sopcheck/invalid-profile", "sopcheck/profile-warning", "sopcheck/missing-required"], ids[-3:]
res = run["results"]
assert res, "no results"
for r in res:
    assert r["ruleIndex"] < len(rules) and rules[r["ruleIndex"]]["id"] == r["ruleId"], (r["ruleId"], r["ruleIndex"])
# the 2026 profile fails the tightened protocol.dyscalculie of 2025: its message gives that norm
p = [r for r in res if r["ruleId"] == "protocol.dyscalculie"]
assert len(p) == 1 and "actief toegepast" in p[0]["message"]["text"], p
PY
then ok; else bad "SARIF with two versions"; fi

# --- sopcheck test with versions --------------------------------------------------------
run test --rules $V23 --rules $V25 fixtures/tests-2025
status 0 "rule tests with two versions"
grep -qx "5 passed, 0 failed" "$TMP/out" && ok || bad "rule tests: $(tail -1 "$TMP/out")"
run test --rules rules --coverage fixtures/tests-2025
status 2 "--coverage with several versions"

e2e_finish
