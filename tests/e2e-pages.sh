#!/bin/sh
# tests/e2e-pages.sh — the HTML pages as a reader sees them: rendered by headless Chromium to PDF, the text read back with pdftotext (layout kept, so a table row is one line), and asserted on.
#
#   sh tests/e2e-pages.sh build/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-pages "$@"
if ! sh tools/render-deps.sh; then
    e2e_fail "chromium and poppler-utils are needed to render the pages (tools/render-deps.sh)"
    e2e_finish
fi

# render FILE.html: FILE.pdf (A4, as printed) and FILE.txt (its text, laid out as on the page)
render() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$TMP/chromium" \
        --print-to-pdf="${1%.html}.pdf" "file://$1" >/dev/null 2>&1 &&
        pdftotext -layout "${1%.html}.pdf" "${1%.html}.txt"
}
# between FILE START END: the rendered lines from the one holding START up to the one before END (or the end)
between() {
    awk -v s="$2" -v e="$3" 'index($0, s) { on = 1 } on && e != "" && index($0, e) { exit } on' "$1"
}

# has_flat FILE TEXT: TEXT is in the rendered FILE, however the lines wrap (white space read as one space)
has_flat() {
    tr -s ' \n' '  ' <"$1" | grep -qF "$2"
}

# --- the check report: the offer is shown, and never reads as a failure ----------------------------
"$BIN" check --format html fixtures/samples/de-regenboog.yaml fixtures/profiles/faalt-a08.yaml >"$TMP/check.html" 2>/dev/null
"$BIN" check --format html --lang en fixtures/samples/de-regenboog.yaml >"$TMP/check-en.html" 2>/dev/null
if render "$TMP/check.html" && render "$TMP/check-en.html"; then e2e_pass; else e2e_fail "chromium could not render the check report"; fi
between "$TMP/check.txt" "Aanbod naast de basis" "faalt-a08.yaml" >"$TMP/offer.txt"
e2e_check "the offer's heading says it is recorded, not judged, and how much is described" \
    has_flat "$TMP/offer.txt" "Aanbod naast de basis (vastgelegd, niet beoordeeld: 14 van 31 onderdelen beschreven)"
e2e_check "an offer and its level side by side, as a table row shows them" \
    grep -Eq "Begeleiding van leerlingen met .* +op schoolniveau, 6 uur" "$TMP/offer.txt"
e2e_check "places beside the offer" grep -Eq "Plusklas +in de wijk, 12 plaatsen" "$TMP/offer.txt"
e2e_check "places and hours together" has_flat "$TMP/offer.txt" "in de wijk, 12 plaatsen, 4 uur per week"
e2e_check "the school's text for the SOP under its offer" grep -q "Een dyslexiespecialist begeleidt leerlingen" "$TMP/offer.txt"
e2e_check "a facility the school does not have is a plain answer" grep -Eq "Er is een lift\. +nee" "$TMP/offer.txt"
if grep -Eqi "niet gehaald|voldoet niet|onvolledig|ontbrekend|niet ingevuld" "$TMP/offer.txt"; then
    e2e_fail "the offer section reads as a failure: $(grep -Ei 'niet gehaald|voldoet niet|onvolledig|ontbrekend|niet ingevuld' "$TMP/offer.txt" | head -2)"
else e2e_pass; fi
between "$TMP/check.txt" "faalt-a08.yaml" "" >"$TMP/a08.txt"
e2e_check "the failing profile's finding is still there" grep -q "niet gehaald" "$TMP/a08.txt"
if grep -q "Aanbod naast de basis" "$TMP/a08.txt"; then e2e_fail "a profile that describes no offer has an offer section"; else e2e_pass; fi
e2e_check "in English" has_flat "$TMP/check-en.txt" "Offer beside the basis (recorded, not judged: 14 of 31 entries described)"
e2e_check "in English, the capacity" has_flat "$TMP/check-en.txt" "in de wijk, 12 places, 4 hours a week"

e2e_finish
