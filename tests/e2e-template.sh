#!/bin/sh
# tests/e2e-template.sh — end to end for `sopcheck template` and `sopcheck explain`: the blank questionnaire's round trip through `check`, its keys against the rules, and explanations of items, agreements, promises and unknown ids.
set -u
# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-template "$@"
ok() { e2e_pass; }
bad() { e2e_fail "$@"; }
expect_rc() { # expected-rc description command...
    want=$1 what=$2; shift 2
    "$@" >"$TMP/out" 2>"$TMP/err"; got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$what: exit $got, expected $want"; sed 's/^/    /' "$TMP/err" | head -5; fi
}
has_line() { # file description exact-line
    if grep -qxF -- "$3" "$1"; then ok; else bad "$2: no line '$3'"; fi
}
has_text() { # file description text
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' missing"; fi
}
same() { # description got want
    if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', expected '$3'"; fi
}
# The dotted item id of every key in a template: nested blocks (2 spaces) joined to their keys (4 spaces).
keys() {
    awk '/^[ ]*#/ || /^[ ]*$/ { next }
         { match($0, /^ */); ind = RLENGTH; key = substr($0, ind + 1); sub(/:.*/, "", key) }
         ind == 0 { top = key; sec = (key == "school") ? "school." : ""; next }
         top != "school" && top != "antwoorden" { next }
         ind == 2 { blk = key; p[sec key] = 1; next }
         ind == 4 { delete p[sec blk]; p[sec blk "." key] = 1 }
         END { for (k in p) print k }' "$1" | LC_ALL=C sort
}
# Every item and field of a ruleset, from the canonical dump.
rule_ids() {
    "$BIN" compile --dump "$@" 2>/dev/null | awk '$1 == "item" || $1 == "field" { sub(/:$/, "", $2); print $2 }' | LC_ALL=C sort
}
judged_ids() {
    "$BIN" compile --dump "$@" 2>/dev/null | awk '$1 == "item" { sub(/:$/, "", $2); print $2 }' | LC_ALL=C sort
}
fill_peildatum() { sed 's/^  peildatum:$/  peildatum: 2026-10-01/' "$1"; }

# --- the template of the bundled rules --------------------------------------------------------------
expect_rc 0 "template" "$BIN" template
cp "$TMP/out" "$TMP/t.yaml"
has_line "$TMP/t.yaml" "header" "# SOP-vragenlijst basisondersteuning"
has_line "$TMP/t.yaml" "header" "# Regels: Basisondersteuning SWV PO Zoetermeer, versie 2023-04-04"
has_line "$TMP/t.yaml" "header" "#   sopcheck check mijn-school.yaml"
has_line "$TMP/t.yaml" "format line" "profiel: 1"
has_line "$TMP/t.yaml" "school section" "school:"
has_line "$TMP/t.yaml" "answers section" "antwoorden:"
has_line "$TMP/t.yaml" "built-in field" "  brin:"
has_line "$TMP/t.yaml" "rules' own school field" "  soort:"
has_line "$TMP/t.yaml" "school item of P1" "  inspectie_oordeel:"
has_line "$TMP/t.yaml" "school item of P1" "  # hoort bij belofte P1"
has_line "$TMP/t.yaml" "peildatum empty" "  peildatum:"
has_line "$TMP/t.yaml" "peildatum" "  # antwoord: een datum (JJJJ-MM-DD); verplicht"
has_line "$TMP/t.yaml" "agreement comment" "  # A5 Veiligheid: De school voldoet aan onderstaande stellingen over veiligheid op school. (dient"
has_line "$TMP/t.yaml" "nested block" "  aanbod:"
has_line "$TMP/t.yaml" "nested key" "    dyscalculie:"
has_line "$TMP/t.yaml" "a closed prefix is written dotted" "  aanpak.sociale_vaardigheden:"
has_line "$TMP/t.yaml" "yes/no" "    # antwoord: ja of nee"
has_line "$TMP/t.yaml" "number" "    # antwoord: een getal van 0 tot 52"
has_line "$TMP/t.yaml" "percentage" "    # antwoord: een percentage van 0 tot 100"
has_line "$TMP/t.yaml" "bands" "    # indeling: Niet ontwikkeld: onder 50, In ontwikkeling: 50 tot 70, Ontwikkeld: 70 tot 80, Ver"
has_line "$TMP/t.yaml" "date norm" "    # norm: binnen 12 maanden vóór de peildatum"
has_line "$TMP/t.yaml" "set" "    # antwoord: een lijst, bijv. [leerkracht, ib]; kies uit: leerkracht, ib (intern begeleider"
has_line "$TMP/t.yaml" "scale" "    # antwoord: kies uit: school (op schoolniveau), wijk (in de wijk), bestuur (bij het eigen"
has_line "$TMP/t.yaml" "norm in words" "    # norm: Ontwikkeld of hoger (vanaf 70%)"
has_line "$TMP/t.yaml" "ambition" "    # ambitie: op schoolniveau"
n=$(grep -c '^ *norm:\|^ *# norm: ' "$TMP/t.yaml")
same "a norm comment per norm item" "$n" 70
# no answer is filled in: every key line ends in ':' except 'profiel: 1'
n=$(grep -v '^ *#' "$TMP/t.yaml" | grep -c ': *[^ ]')
same "lines with a value" "$n" 1
n=$(LC_ALL=C tr -d '\200-\277' <"$TMP/t.yaml" | awk 'length($0) > 100' | grep -c .)
same "lines over 100 columns" "$n" 0

# every item and field of the rules is a key of the template, and nothing else is
keys "$TMP/t.yaml" >"$TMP/keys"
rule_ids >"$TMP/ids"
judged_ids >"$TMP/judged"
same "items and fields in the rules" "$(grep -c . "$TMP/ids")" 117
if cmp -s "$TMP/keys" "$TMP/ids"; then ok; else bad "template keys differ from the rules' ids:"; diff "$TMP/keys" "$TMP/ids" | head -10; fi
missing=$(LC_ALL=C comm -23 "$TMP/judged" "$TMP/keys" | tr '\n' ' ')
same "judged items missing from the template" "$missing" ""

# --- the round trip -------------------------------------------------------------------------------
# Untouched: every answer is missing, the peildatum too. A missing required answer is no error: the
# profile is incomplete, every norm item unanswered, and the peildatum is listed as missing.
pl=$(grep -n '^  peildatum:$' "$TMP/t.yaml" | cut -d: -f1)
expect_rc 1 "an untouched template is incomplete" "$BIN" check --format json "$TMP/t.yaml"
cp "$TMP/out" "$TMP/t.json"
if python3 - "$TMP/t.json" "$TMP/judged" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
judged = open(sys.argv[2]).read().split()
(p,) = r["profiles"]
assert p["status"] == "incomplete", p["status"]
assert p["errors"] == [], p["errors"]
assert p["missing_required"] == ["school.peildatum"], p["missing_required"]
items = {}
for g in p["agreements"] + p["promises"]:
    for it in g["items"]:
        items[it["id"]] = it
assert sorted(items) == sorted(judged), set(items) ^ set(judged)
rules = r["versions"][0]["items"]
offer = [f for c in p["offer"] for f in c["items"]]
assert [c["id"] for c in p["offer"]] == [c["id"] for c in r["versions"][0]["catalogues"]], p["offer"]
assert offer and all(f["value"] is None and f["line"] and "details" not in f for f in offer), offer  # asked, empty keys
assert all(rules[f["id"]]["catalogue"] for f in offer)
assert sorted(rules) == sorted(list(items) + [f["id"] for f in offer]), set(rules) ^ set(items)
normed = [it for it in items.values() if rules[it["id"]]["norm"] is not None]
assert len(normed) == 70, len(normed)
assert all(it["status"] == "unanswered" and it["value"] is None for it in normed), [it["id"] for it in normed if it["status"] != "unanswered"]
assert all(it["status"] == "not_applicable" for it in items.values() if rules[it["id"]]["norm"] is None)
assert r["summary"] == {"profiles": 1, "compliant": 0, "not_compliant": 0, "incomplete": 1, "invalid": 0}, r["summary"]
PY
then ok; else bad "the untouched template's JSON report"; fi
same "errors in the untouched template" "$(grep -o '"severity":' "$TMP/t.json" | grep -c .)" 0
expect_rc 1 "the untouched template, text" "$BIN" check "$TMP/t.yaml"
has_line "$TMP/out" "verdict" "$TMP/t.yaml: onvolledig ingevuld"
has_line "$TMP/out" "the missing peildatum under the verdict" "  ontbrekend: school.peildatum (Peildatum)"
same "text: no errors" "$(grep -c 'fout' "$TMP/out")" 0
same "text: every norm item unanswered" "$(grep -c '^        niet ingevuld, norm: ' "$TMP/out")" 70
expect_rc 1 "the untouched template, text in English" "$BIN" check --lang en "$TMP/t.yaml"
has_line "$TMP/out" "the missing peildatum in English" "  missing: school.peildatum (Peildatum)"
# the CI formats: one incomplete finding for the missing peildatum, at its empty key
expect_rc 1 "the untouched template, junit" "$BIN" check --format junit "$TMP/t.yaml"
has_text "$TMP/out" '<testcase classname="'"$TMP"'/t.yaml" name="verplicht: school.peildatum">' "junit: a testcase for the missing peildatum"
has_line "$TMP/out" "junit: incomplete" '      <failure type="incomplete" message="niet ingevuld: school.peildatum">'
has_line "$TMP/out" "junit: located at the empty key" "$TMP/t.yaml:$pl:3: school.peildatum: niet ingevuld (verplicht)"
same "junit: no errors" "$(grep -c '<error' "$TMP/out")" 0
expect_rc 1 "the untouched template, github" "$BIN" check --format github "$TMP/t.yaml"
has_line "$TMP/out" "github: a warning for the missing peildatum" "::warning file=$TMP/t.yaml,line=$pl,col=3,title=verplicht — niet ingevuld::Peildatum — school.peildatum: antwoord: (niet ingevuld); verplicht"
same "github: warnings (70 unanswered + the peildatum)" "$(grep -c '^::warning' "$TMP/out")" 71
same "github: no errors" "$(grep -c '^::error' "$TMP/out")" 0
expect_rc 1 "the untouched template, sarif" "$BIN" check --format sarif "$TMP/t.yaml"
if python3 - "$TMP/out" "$pl" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = run["tool"]["driver"]["rules"]
res = [r for r in run["results"] if r["ruleId"] == "sopcheck/missing-required"]
assert len(res) == 1, res
(m,) = res
assert rules[m["ruleIndex"]]["id"] == "sopcheck/missing-required"
assert m["level"] == "warning" and m["properties"]["profileStatus"] == "incomplete", m
assert m["locations"][0]["physicalLocation"]["region"] == {"startLine": int(sys.argv[2]), "startColumn": 3}, m["locations"]
assert m["message"]["text"].startswith("school.peildatum: niet ingevuld (verplicht)"), m["message"]
assert not [r for r in run["results"] if r["level"] == "error"]
PY
then ok; else bad "sarif: the missing peildatum"; fi
# With only the peildatum filled in: valid, incomplete, no errors, every norm item unanswered.
fill_peildatum "$TMP/t.yaml" >"$TMP/p.yaml"
expect_rc 1 "a template with only the peildatum is incomplete" "$BIN" check --format json "$TMP/p.yaml"
cp "$TMP/out" "$TMP/p.json"
has_text "$TMP/p.json" '"status":"incomplete","errors":[],"missing_required":[]' "incomplete without errors, nothing required missing"
has_text "$TMP/p.json" '"summary":{"profiles":1,"compliant":0,"not_compliant":0,"incomplete":1,"invalid":0}' "summary"
same "items unanswered" "$(grep -o '"status":"unanswered"' "$TMP/p.json" | grep -c .)" 70
same "ambition-only items not applicable" "$(grep -o '"status":"not_applicable"' "$TMP/p.json" | grep -c .)" 10
same "items met or not met" "$(grep -o '"status":"\(met\|not_met\)","ambition"' "$TMP/p.json" | grep -c .)" 0
grep -v '^"offer":' "$TMP/p.json" | grep -o '"id":"[^"]*\.[^"]*"' | sed 's/"id":"\(.*\)"/\1/' | LC_ALL=C sort >"$TMP/report_ids"
if cmp -s "$TMP/report_ids" "$TMP/judged"; then ok; else bad "report items differ from the judged items"; diff "$TMP/report_ids" "$TMP/judged" | head -5; fi
expect_rc 0 "the filled-in peildatum with --fail-on never" "$BIN" check --fail-on never "$TMP/p.yaml"

# --- English ----------------------------------------------------------------------------------------
# the catalogue of the offer has a section of its own, each catalogue under its title, capacity named where asked
expect_rc 0 "template, the offer" "$BIN" template
grep -q "^  # Het ondersteuningsaanbod van de school naast de basis: vastgelegd, nooit beoordeeld" "$TMP/out" && ok || bad "no section for the offer"
grep -q "^  # C5 Meer- en hoogbegaafdheid: Extra ondersteuning voor meer- en hoogbegaafde leerlingen." "$TMP/out" && ok || bad "no heading for catalogue C5"
grep -A7 "# Plusklas" "$TMP/out" | grep -q "lange vorm: ook 'plaatsen:' (aantal plaatsen) en 'uren_per_week:'" && ok || bad "the plusklas' capacity is not named"
expect_rc 0 "template --lang en" "$BIN" template --lang en
cp "$TMP/out" "$TMP/en.yaml"
has_line "$TMP/en.yaml" "English header" "# SOP questionnaire, basic support (basisondersteuning)"
has_line "$TMP/en.yaml" "English header" "#   sopcheck check my-school.yaml"
has_line "$TMP/en.yaml" "English answer" "    # answer: ja or nee"
has_line "$TMP/en.yaml" "English date norm" "    # norm: within 12 months before the reference date"
has_line "$TMP/en.yaml" "English peildatum" "  # answer: a date (YYYY-MM-DD); required"
keys "$TMP/en.yaml" >"$TMP/en_keys"
if cmp -s "$TMP/en_keys" "$TMP/keys"; then ok; else bad "English template has other keys"; fi
fill_peildatum "$TMP/en.yaml" >"$TMP/enp.yaml"
expect_rc 1 "English template with the peildatum" "$BIN" check --format json "$TMP/enp.yaml"
has_text "$TMP/out" '"status":"incomplete","errors":[]' "English template incomplete without errors"
expect_rc 2 "template --lang de" "$BIN" template --lang de
expect_rc 2 "template with a file name" "$BIN" template mijn-school.yaml

# --- layered rules: includes, extend, tighten, when, deep ids, texts that try to leave the comment -----
LS=$(printf '\342\200\250') NEL=$(printf '\302\205')
cat >"$TMP/base.rules" <<'EOF'
ruleset "Landelijke basis"
version "2025"
scale niveau "Niveau": school "op school" > wijk > geen "niet beschikbaar"
promise P1 "Belofte een"
agreement A1 "Basisafspraak"
    title "Basis"
    serves P1
    source "basis 1"
    item aanbod.lezen: niveau "Aanbod lezen"
        norm at wijk
EOF
cat >"$TMP/main.rules" <<EOF
ruleset "Testlaag"
version "1"
include "base.rules"
scale soort "Soort": bao, sbo
scale wie "Wie": leerkracht, ib "intern begeleider", ouders
field school.soort: soort "Soort school"
promise P2 "Belofte twee"
    item eigen.check: yesno "Eigen eis"
        norm is ja
agreement A2 "Tekst met # hekje: en\\nnieuwe: regel${LS}derde: regel ${NEL}vierde: \\"regel\\""
    title "Twee"
    serves P2
    item x.a: yesno "Vraag a # geen commentaar: toch?"
        norm is ja
        help "Eerste regel\\n- tweede: regel"
    item y.b: number from 1 to 12 "Getal"
        norm at least 2
        when school.soort is bao
    item x.c: date "Datum"
        norm within 12 months before peildatum
    item x.d.e: text "Diep"
        ambition answered
    item z.set: set of wie "Wie doen mee"
        norm contains leerkracht, ib
extend A1
    item aanbod.rekenen: niveau "Aanbod rekenen"
        norm at school
tighten aanbod.lezen
    norm at school
field los.veld: text "Los veld"
EOF
expect_rc 0 "template of layered rules" "$BIN" template --rules "$TMP/main.rules"
cp "$TMP/out" "$TMP/l.yaml"
has_line "$TMP/l.yaml" "layers in the header" "# Opgebouwd uit: Testlaag 1; Landelijke basis 2025"
has_line "$TMP/l.yaml" "check command with --rules" "#   sopcheck check --rules $TMP/main.rules mijn-school.yaml"
has_line "$TMP/l.yaml" "extended agreement" "    rekenen:"
has_line "$TMP/l.yaml" "tightened norm" "    # norm: wijk of beter en op school"
has_line "$TMP/l.yaml" "condition" "    # geldt alleen als: school.soort: bao"
has_line "$TMP/l.yaml" "text with a newline" "  # nieuwe: regel"
has_line "$TMP/l.yaml" "text with a line separator" "  # derde: regel"
has_line "$TMP/l.yaml" "text with a next-line character" '  # vierde: "regel" (dient belofte P2)'
has_line "$TMP/l.yaml" "help with a newline" "    #   - tweede: regel"
has_line "$TMP/l.yaml" "first segment reused: dotted" "  x.c:"
has_line "$TMP/l.yaml" "deep id reused: dotted" "  x.d.e:"
has_line "$TMP/l.yaml" "promise's own item" "  # Belofte P2: Belofte twee"
has_line "$TMP/l.yaml" "a field outside school and agreements" "  # Overige vragen"
n=$(grep -v '^ *#' "$TMP/l.yaml" | grep -c 'hekje\|regel\|commentaar')
same "text outside comments" "$n" 0
keys "$TMP/l.yaml" >"$TMP/l_keys"
rule_ids "$TMP/main.rules" >"$TMP/l_ids"
if cmp -s "$TMP/l_keys" "$TMP/l_ids"; then ok; else bad "layered template keys differ:"; diff "$TMP/l_keys" "$TMP/l_ids" | head -10; fi
fill_peildatum "$TMP/l.yaml" >"$TMP/lp.yaml"
expect_rc 1 "layered template with the peildatum" "$BIN" check --rules "$TMP/main.rules" --format json "$TMP/lp.yaml"
has_text "$TMP/out" '"status":"incomplete","errors":[]' "layered template incomplete without errors"

# --- explain ------------------------------------------------------------------------------------------
line_of() { grep -n "$1" "$2" | head -1 | cut -d: -f1; }
expect_rc 0 "explain an item" "$BIN" explain aanbod.dyscalculie
has_line "$TMP/out" "item heading" "Vraag aanbod.dyscalculie"
has_line "$TMP/out" "question" "  vraag:                Aanbod dyscalculie"
has_line "$TMP/out" "id" "  id:                   aanbod.dyscalculie"
has_line "$TMP/out" "type" "  type:                 niveau (schaal: Niveau waarop het beschikbaar is)"
has_line "$TMP/out" "allowed" "  antwoord:             kies uit: school (op schoolniveau), wijk (in de wijk), bestuur (bij het"
has_line "$TMP/out" "allowed, wrapped" "                        eigen bestuur), collega_bestuur (bij een collega-bestuur), swv (boven"
has_line "$TMP/out" "norm in words" "  norm:                 op schoolniveau"
has_line "$TMP/out" "norm in rules" "  norm (regels):        school or better"
has_line "$TMP/out" "source" "  bron:                 afspraak 1, aanbod dyscalculie"
has_line "$TMP/out" "agreement" "  afspraak:             A1 Onderwijsaanbod"
has_line "$TMP/out" "agreement text" "                        Het volgende onderwijsaanbod is voor elke school beschikbaar."
has_line "$TMP/out" "agreement source" "                        (bron: afspraak 1)"
has_line "$TMP/out" "promises" "  dient beloftes:       P2 Onze scholen hebben hoge verwachtingen van alle leerlingen, zien kansen"
has_text "$TMP/out" "                        P4 Onze scholen werken" "second promise"
has_line "$TMP/out" "declared" "  vastgelegd in:        rules/zoetermeer-2023.rules:$(line_of 'item aanbod.dyscalculie:' rules/zoetermeer-2023.rules)"

expect_rc 0 "explain an item with ambition, note and help" "$BIN" explain specialisme.rekenen_taal
has_line "$TMP/out" "ambition" "  ambitie:              op schoolniveau"
has_line "$TMP/out" "ambition in rules" "  ambitie (regels):     school or better"
has_line "$TMP/out" "note" "  let op:               Consulteren op niveau: wijk, bestuur, collega bestuur, boven bestuurlijk."
has_text "$TMP/out" "  toelichting:          Op welk niveau" "help"

expect_rc 0 "explain the peildatum" "$BIN" explain school.peildatum
has_line "$TMP/out" "required" "  antwoord:             een datum (JJJJ-MM-DD); verplicht"
has_line "$TMP/out" "built in" "  vastgelegd in:        ingebouwd in sopcheck (hoort bij elke regelset)"

expect_rc 0 "explain an agreement" "$BIN" explain A13
has_line "$TMP/out" "agreement heading" "Afspraak A13: Protocollen"
has_line "$TMP/out" "agreement text" "  tekst:                Het team is op de hoogte van de afgesproken protocollen en handelt hiernaar."
has_line "$TMP/out" "agreement source" "  bron:                 afspraak 13"
has_line "$TMP/out" "agreement promises" "  dient beloftes:       P1 Onze scholen hebben de basiskwaliteit op orde volgens de normen van de"
has_line "$TMP/out" "agreement declared" "  vastgelegd in:        rules/zoetermeer-2023.rules:$(line_of '^agreement A13 ' rules/zoetermeer-2023.rules)"
has_line "$TMP/out" "agreement items" "  vragen (11):"
has_line "$TMP/out" "agreement item" "    protocol.meldcode: Meldcode huiselijk geweld en kindermishandeling"
has_line "$TMP/out" "agreement item norm" "      norm: actief toegepast"
has_line "$TMP/out" "agreement item" "    protocol.dyscalculie: Protocol dyscalculie"
has_line "$TMP/out" "agreement item norm" "      norm: beschikbaar of beter"
has_line "$TMP/out" "agreement item ambition" "      ambitie: actief toegepast"

expect_rc 0 "explain a promise" "$BIN" explain P1
has_line "$TMP/out" "promise heading" "Belofte P1"
has_line "$TMP/out" "promise source" "  bron:                 belofte 1"
has_line "$TMP/out" "promise agreements" "  afspraken:            A2 Aanpakken en instrumenten"
has_line "$TMP/out" "promise agreements" "                        A13 Protocollen"
has_line "$TMP/out" "promise items" "  eigen vragen (1):"
has_line "$TMP/out" "promise item" "    school.inspectie_oordeel: Oordeel van de inspectie"
has_line "$TMP/out" "promise item norm" "      norm: voldoende of beter"

expect_rc 0 "explain a catalogue of the offer" "$BIN" explain C1
has_line "$TMP/out" "catalogue heading" "Catalogus C1: Taal en lezen"
has_line "$TMP/out" "catalogue text" "  tekst:                Extra ondersteuning bij taal en lezen."
has_line "$TMP/out" "catalogue is not judged" "  norm:                 geen: wordt vastgelegd, niet beoordeeld"
has_line "$TMP/out" "catalogue declared" "  vastgelegd in:        rules/zoetermeer-2023.rules:$(line_of '^catalogue C1 ' rules/zoetermeer-2023.rules)"
has_line "$TMP/out" "catalogue entries" "  onderdelen (2):"
has_line "$TMP/out" "catalogue entry" "    extra.taal.leesinterventie: Intensieve leesinterventie in kleine groepen"
expect_rc 0 "explain a field of the offer" "$BIN" explain extra.taal.leesinterventie
has_line "$TMP/out" "its catalogue" "  catalogus (aanbod):   C1 Taal en lezen"
has_line "$TMP/out" "its capacity" "  ook te vermelden:     aantal plaatsen (plaatsen:), uren per week (uren_per_week:)"
expect_rc 0 "explain an item that serves a promise itself, and that promise" "$BIN" explain hgw.ouders P3
has_text "$TMP/out" "  dient zelf beloftes:  P3 Onze scholen zien de ouder als ervaringsdeskundige" "the item's own promise"
has_line "$TMP/out" "the promise's serving items" "  ook gediend door (2):"
has_line "$TMP/out" "a serving item" "    ihi.betrokkenen: Binnen de IHI procedure zijn in ieder geval de leerkracht, intern begeleider"
expect_rc 0 "explain a catalogue in English" "$BIN" explain --lang en C3 extra.gedrag.cluster4
has_line "$TMP/out" "English catalogue" "Catalogue C3: Gedrag"
has_line "$TMP/out" "English capacity" "  may also give:        places (plaatsen:)"
expect_rc 2 "explain a catalogue misspelt" "$BIN" explain C99
has_text "$TMP/err" "bedoelt u 'C9'?" "a catalogue suggested"

expect_rc 0 "explain in English" "$BIN" explain --lang en aanbod.dyscalculie A13 P1
has_line "$TMP/out" "English item" "Item aanbod.dyscalculie"
has_line "$TMP/out" "English norm" "  norm (rules):         school or better"
has_line "$TMP/out" "English agreement" "Agreement A13: Protocollen"
has_line "$TMP/out" "English promise" "Promise P1"
has_line "$TMP/out" "English declared" "  declared in:          rules/zoetermeer-2023.rules:$(line_of 'item aanbod.dyscalculie:' rules/zoetermeer-2023.rules)"

expect_rc 2 "explain an unknown id" "$BIN" explain aanbod.dyscalculi
has_line "$TMP/err" "did you mean" "sopcheck explain: 'aanbod.dyscalculi' is geen vraag, afspraak, catalogus of belofte van deze regels; bedoelt u 'aanbod.dyscalculie'?"
same "nothing on standard output" "$(grep -c . "$TMP/out")" 0
expect_rc 2 "explain an unknown id in English" "$BIN" explain --lang en a13
has_line "$TMP/err" "did you mean" "sopcheck explain: 'a13' is not an item, agreement, catalogue or promise of these rules; did you mean 'A13'?"
expect_rc 2 "explain a last segment" "$BIN" explain dyscalculie
has_line "$TMP/err" "several suggestions" "sopcheck explain: 'dyscalculie' is geen vraag, afspraak, catalogus of belofte van deze regels; bedoelt u 'aanbod.dyscalculie' of 'protocol.dyscalculie'?"
expect_rc 2 "explain a school field without school." "$BIN" explain peildatum
has_text "$TMP/err" "bedoelt u 'school.peildatum'?" "school. suggested"
expect_rc 2 "explain something far from every id" "$BIN" explain qqqqqqqq
has_line "$TMP/err" "no suggestion" "sopcheck explain: 'qqqqqqqq' is geen vraag, afspraak, catalogus of belofte van deze regels"
expect_rc 2 "explain a known and an unknown id" "$BIN" explain A1 nope
has_line "$TMP/out" "the known id is still explained" "Afspraak A1: Onderwijsaanbod"
expect_rc 2 "explain without an id" "$BIN" explain
expect_rc 2 "explain with an unknown option" "$BIN" explain --frmat A1

# explain on layered rules: layer names, tightenings, extends
expect_rc 0 "explain a tightened item of an included file" "$BIN" explain --rules "$TMP/main.rules" aanbod.lezen
has_line "$TMP/out" "effective norm in rules" "  norm (regels):        wijk or better and school or better"
has_line "$TMP/out" "declared in an included layer" "  vastgelegd in:        $TMP/base.rules:9 (laag: Landelijke basis, versie 2025)"
has_line "$TMP/out" "tightening" "  aangescherpt in:      $TMP/main.rules:28: norm school or better"
expect_rc 0 "explain an extended agreement" "$BIN" explain --rules "$TMP/main.rules" A1
has_line "$TMP/out" "item added by a layer" "      toegevoegd in: $TMP/main.rules:26"
expect_rc 0 "explain a condition" "$BIN" explain --rules "$TMP/main.rules" y.b
has_line "$TMP/out" "condition in words" "  geldt alleen als:     school.soort: bao"
has_line "$TMP/out" "condition in rules" "  geldt als (regels):   school.soort is bao"
has_line "$TMP/out" "number" "  type:                 number from 1 to 12"
expect_rc 0 "explain a text with line breaks" "$BIN" explain --rules "$TMP/main.rules" A2
has_line "$TMP/out" "each line of the text indented" "                        nieuwe: regel"

e2e_finish
