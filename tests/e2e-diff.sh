#!/bin/sh
# tests/e2e-diff.sh — end-to-end checks of `sopcheck diff`: the Zoetermeer 2023 -> 2025 changes, and a small pair of
# rules files that exercises every classification (tightened, relaxed, band moved, ambition became norm, ...).
#
# usage: sh tests/e2e-diff.sh path/to/sopcheck
set -eu

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-diff "$@"

# run ARGS...: output in $TMP/out, standard error in $TMP/err, exit status in $RC
run() {
    ARGS="$*"
    RC=0
    "$BIN" "$@" >"$TMP/out" 2>"$TMP/err" || RC=$?
}
fail() {
    e2e_fail "sopcheck $ARGS: $1"
    sed 's/^/    /' "$TMP/out" >&2
}
# has LINE: the output holds exactly this line
has() {
    if grep -Fqx -- "$1" "$TMP/out"; then e2e_pass; else fail "no line '$1'"; fi
}
hasnt() {
    if grep -Fq -- "$1" "$TMP/out"; then fail "unexpected '$1'"; else e2e_pass; fi
}
status() {
    if [ "$RC" -eq "$1" ]; then e2e_pass; else fail "exit status $RC, expected $1"; fi
}
lines() {
    n=$(wc -l <"$TMP/out" | tr -d ' ')
    if [ "$n" -eq "$1" ]; then e2e_pass; else fail "$n lines, expected $1"; fi
}
quiet() {
    if [ -s "$TMP/err" ]; then fail "standard error: $(cat "$TMP/err")"; else e2e_pass; fi
}

# --- Zoetermeer 2023 -> 2025 ----------------------------------------------------------
run diff rules/zoetermeer-2023.rules docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules
status 1
quiet
has "validity changed  ruleset  valid from: 2023-08-01 -> 2025-08-01"
has "tightened  protocol.dyscalculie  norm: beschikbaar or better -> actief or better"
has "tightened  specialisme.rekenen_taal  norm: swv or better -> bestuur or better"
has "item added  aanpak.taakwerkhouding  norm: school or better"
has "item added  taal.signalering_lezen  norm: school or better"
has "item added  begaafdheid.signalering  norm: is ja"
has "item added  werkhouding.planning  norm: is ja"
has "promise added  LN1  text: Elke school biedt ten minste de landelijk afgesproken basisondersteuning op het gebied van taal, begaafdheid en taak- en werkhouding."
for a in L1 L2 L3; do
    if grep -q "^agreement added  $a  text: " "$TMP/out"; then e2e_pass; else fail "agreement $a not added"; fi
done
hasnt "removed"
hasnt "relaxed"
lines 15

# --- Zoetermeer 2023 -> 2026: what the WPO school-guide law changed, for which school ------
run diff rules/zoetermeer-2023.rules rules/zoetermeer-2026.rules --profiles fixtures/profiles fixtures/tests-2026/profiles
status 1
quiet
has "validity changed  ruleset  valid from: 2023-08-01 -> 2026-08-01"
has "item added  schoolgids.vastgesteld  norm: within 12 months before peildatum"
has "item added  schoolgids.inbreng_beschreven  norm: is ja"
for a in W1 W2 W3; do
    if grep -q "^agreement added  $a  text: " "$TMP/out"; then e2e_pass; else fail "agreement $a not added"; fi
done
# a school that answered nothing of the law becomes incomplete on each new agreement
has "fixtures/profiles/faalt-a14.yaml (Basisschool Het Baken): not_compliant -> not_compliant"
has "    newly incomplete: W1, W2, W3"
# a 2026 school whose guide lacks the pupils' view now fails W3 (art. 13b)
if grep -A1 -F "fixtures/tests-2026/profiles/inbreng-ontbreekt-2026.yaml" "$TMP/out" | grep -q "newly not met: W3"; then e2e_pass; else fail "inbreng-ontbreekt-2026: W3 not newly failed"; fi
hasnt "removed"
hasnt "tightened"
# agreement 14 restated on the new articles (art. 8 lid 5 repealed)
if grep -q "^agreement text changed  A14  text: De school heeft zijn schoolondersteuningsprofiel (SOP) vastgesteld, .* -> De school beschrijft haar basisondersteuningsvoorzieningen" "$TMP/out"; then e2e_pass; else fail "A14 not restated"; fi
if grep -q "^agreement source changed  A14  source: afspraak 14 -> afspraak 14, vanaf 2026 op WPO art. 13 lid 1 onder c en art. 13a lid 2 (art. 8 lid 5 vervallen)" "$TMP/out"; then e2e_pass; else fail "A14 source not changed"; fi

# backwards: taking a tightening back is a relaxation
run diff docs/examples/voorbeeld-landelijke-norm/zoetermeer-2025.rules rules/zoetermeer-2023.rules
status 1
has "item removed  aanpak.taakwerkhouding  norm: school or better"
has "relaxed  protocol.dyscalculie  norm: beschikbaar or better and actief or better -> beschikbaar or better"
has "relaxed  specialisme.rekenen_taal  norm: swv or better and bestuur or better -> swv or better"
if grep -q '^changed  ' "$TMP/out"; then fail "a taken-back tightening reads as changed"; else e2e_pass; fi
hasnt "tightened"

# no changes: exit 0, nothing printed
run diff rules/zoetermeer-2023.rules rules/zoetermeer-2023.rules
status 0
lines 0

# --- the small pair ------------------------------------------------------------------
run diff tests/data/diff/old.rules tests/data/diff/new.rules
status 1
quiet
has "tightened  s.strenger  norm: wijk or better -> school or better"
has "relaxed  s.soepeler  norm: wijk or better -> bestuur or better"
has "tightened  n.strenger  norm: at least 2 -> at least 3"
has "relaxed  n.soepeler  norm: at least 4 -> at least 1"
has "tightened  m.strenger  norm: at most 10 -> at most 5"
has "tightened  b.strenger  norm: midden or better -> hoog or better"
has "band moved  hgw.midden  from: 50 -> 55"
has "ambition became norm  a.norm  norm: school or better"
has "item added  nieuw  norm: is ja"
has "item removed  weg  norm: is ja"
has "serves changed  A2  serves: P1 -> P1, P2"
has "item moved  verhuist  agreement: A2 -> A3"
hasnt "gelijk"
hasnt "drie"
lines 12

# JSON: valid, with the header and the changes
run diff --format json tests/data/diff/old.rules tests/data/diff/new.rules
status 1
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["format"]==1 and d["old"]["version"]=="1" and d["new"]["version"]=="2" and len(d["changes"])==12' "$TMP/out"; then
        e2e_pass
    else
        fail "not the expected JSON"
    fi
fi
has '{"kind":"relaxed","id":"n.soepeler","field":"norm","old":"at least 4","new":"at least 1"},'
has '{"kind":"ambition became norm","id":"a.norm","field":"norm","old":null,"new":"school or better"},'
has '{"kind":"item moved","id":"verhuist","field":"agreement","old":"A2","new":"A3"}]}'

# the offer: catalogues and their fields added, removed, changed or moved, a capacity and an item's own serves
run diff tests/data/diff/offer-old.rules tests/data/diff/offer-new.rules
status 1
quiet
has "catalogue removed  C3  text: Vervalt."
has "catalogue text changed  C1  text: Extra ondersteuning bij lezen. -> Extra ondersteuning bij taal en lezen."
has "catalogue added  C4  text: Fysieke omgeving."
has "offer removed  extra.weg  text: Verdwijnt uit het aanbod"
has "offer removed  vervalt.iets  text: Iets"
has "offer added  extra.nieuw  text: Nieuw in het aanbod"
has "offer added  fysiek.lift  text: Er is een lift."
has "item moved  extra.verhuist  belongs to: C1 -> C2"
has "capacity changed  extra.lezen  capacity: hours -> places, hours"
has "item serves changed  ouders.betrokken  serves: none -> P2"
hasnt "item added"
hasnt "item removed"
lines 10
run diff tests/data/diff/offer-new.rules tests/data/diff/offer-old.rules
status 1
has "capacity changed  extra.lezen  capacity: places, hours -> hours"
has "item serves changed  ouders.betrokken  serves: P2 -> none"
run diff --format json tests/data/diff/offer-old.rules tests/data/diff/offer-new.rules
has '{"kind":"capacity changed","id":"extra.lezen","field":"capacity","old":"hours","new":"places, hours"},'
has '{"kind":"item serves changed","id":"ouders.betrokken","field":"serves","old":null,"new":"P2"},'

# numbers are compared as numbers, to the last digit the rules hold, not as a rendering that keeps ten
sed 's/norm at least 2$/norm at least 0.12345678901/' tests/data/diff/old.rules >"$TMP/digits-old.rules"
sed 's/norm at least 2$/norm at least 0.12345678902/' tests/data/diff/old.rules >"$TMP/digits-new.rules"
sed 's/norm at least 2$/norm at least 0.123456789010/' tests/data/diff/old.rules >"$TMP/digits-same.rules"
run diff "$TMP/digits-old.rules" "$TMP/digits-new.rules"
status 1
has "tightened  n.strenger  norm: at least 0.12345678901 -> at least 0.12345678902"
lines 1
run diff "$TMP/digits-new.rules" "$TMP/digits-old.rules"
status 1
has "relaxed  n.strenger  norm: at least 0.12345678902 -> at least 0.12345678901"
run diff "$TMP/digits-old.rules" "$TMP/digits-same.rules"
status 0
lines 0

# --- usage -----------------------------------------------------------------------------
run diff tests/data/diff/old.rules
status 2
run diff --format xml tests/data/diff/old.rules tests/data/diff/new.rules
status 2
run diff tests/data/diff/old.rules tests/data/diff/no-such.rules
status 2

e2e_finish
