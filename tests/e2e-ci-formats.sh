#!/bin/sh
# tests/e2e-ci-formats.sh — the CI formats end to end: exit codes, JUnit (xmllint), SARIF (official 2.1.0 schema), JSON (docs/json-schema.json), GitHub commands, and a hard school name intact in each.
#
#   sh tests/e2e-ci-formats.sh build/sopcheck
#
# The validators come from tools/ci-validators.sh (xmllint from Debian's libxml2-utils; ajv-cli,
# ajv-formats and the SARIF schema from the npm registry, into build/npm or $SC_NPM_DIR). When
# one cannot be had, this script fails: no validation is ever skipped silently. Offline, with
# SC_OFFLINE=1 (README, "Tests offline"), it instead says loudly that it did not run, and passes.
set -u

# shellcheck source=tests/lib/e2e.sh disable=SC1091
. "$(dirname "$0")/lib/e2e.sh"
e2e_init e2e-ci-formats "$@"
npm_dir=${SC_NPM_DIR:-$ROOT/build/npm}
if ! sh tools/ci-validators.sh "$npm_dir"; then
    if [ "${SC_OFFLINE:-}" = 1 ]; then
        echo "e2e-ci-formats: NOTICE: SKIPPED, nothing in this script ran: the validators are missing (above) and SC_OFFLINE=1" >&2
        echo "e2e-ci-formats: 0 passed, 0 failed (SKIPPED offline)"
        exit 0
    fi
    echo "e2e-ci-formats: the validators are missing (above); nothing was validated (offline? see README, SC_OFFLINE=1)" >&2
    echo "e2e-ci-formats: 0 passed, 1 failed"
    exit 1
fi
ajv=$npm_dir/node_modules/.bin/ajv
sarif_schema=$npm_dir/sarif-schema-2.1.0.json
json_schema=$ROOT/docs/json-schema.json

ok() { e2e_pass; }
bad() { e2e_fail "$@"; }
check() { e2e_check "$@"; }

# the batch: compliant, invalid, incomplete, not compliant (fixtures/samples) and the hard name
compliant=fixtures/samples/de-regenboog.yaml
invalid=fixtures/samples/de-sterrenwacht.yaml
incomplete=fixtures/samples/de-wilgen.yaml
failing=fixtures/samples/het-palet.yaml
hard=tests/data/ci/tekens-in-naam.yaml
samples=fixtures/samples
cidata=tests/data/ci
name=$(printf '%s\n%s' "De <Kleine> & \"Grote\" 'Vos'" "locatie 100%: noord, zuid")
formats="text json junit sarif github"
for f in "$compliant" "$invalid" "$incomplete" "$failing" "$hard"; do
    [ -f "$f" ] || { bad "fixture $f is missing"; }
done

# --- exit status, in every format --------------------------------------------------------
# expect_rc WANT FORMAT ARGS...: the run exits WANT, writes its report to stdout only.
expect_rc() {
    want=$1
    fmt=$2
    shift 2
    "$BIN" check --format "$fmt" "$@" >"$TMP/rc.out" 2>"$TMP/rc.err"
    got=$?
    if [ "$got" = "$want" ]; then
        ok
    else
        bad "sopcheck check --format $fmt $*: exit $got, expected $want"
        head -5 "$TMP/rc.err" >&2
    fi
}
for fmt in $formats; do
    expect_rc 2 "$fmt" "$samples" "$cidata"
    expect_rc 1 "$fmt" "$compliant" "$incomplete" "$failing"
    expect_rc 0 "$fmt" "$compliant"
    expect_rc 1 "$fmt" "$compliant" "$incomplete"
    expect_rc 1 "$fmt" --fail-on incomplete "$compliant" "$incomplete"
    expect_rc 0 "$fmt" --fail-on not-compliant "$compliant" "$incomplete"
    expect_rc 1 "$fmt" --fail-on not-compliant "$compliant" "$failing"
    expect_rc 0 "$fmt" --fail-on never "$failing" "$incomplete"
    expect_rc 2 "$fmt" --fail-on never "$failing" "$invalid"
    expect_rc 2 "$fmt" --fail-on never "$compliant" tests/data/ci/bestaat-niet.yaml
done
expect_rc 2 xml "$compliant"
check "the usage error for an unknown format names the formats" \
    grep -q "text, json, junit, sarif, github" "$TMP/rc.err"

# --- the reports of the batch, and --output --------------------------------------------------
for fmt in $formats; do
    "$BIN" check --format "$fmt" "$samples" "$cidata" >"$TMP/out.$fmt" 2>"$TMP/err.$fmt"
    "$BIN" check --format "$fmt" --output "$TMP/file.$fmt" "$samples" "$cidata" >"$TMP/stdout.$fmt" 2>/dev/null
    check "--format $fmt --output: the file equals what stdout gets" cmp "$TMP/out.$fmt" "$TMP/file.$fmt"
    check "--format $fmt --output: nothing on stdout" test ! -s "$TMP/stdout.$fmt"
    check "--format $fmt --output: no temporary file left" sh -c "! ls '$TMP'/file.$fmt.tmp.* >/dev/null 2>&1"
done
for fmt in json junit sarif github; do
    check "--format $fmt: the invalid profile's error goes to stderr as $invalid:17:5" \
        grep -q "de-sterrenwacht.yaml:17:5" "$TMP/err.$fmt"
done
"$BIN" check --format sarif --ambitions "$samples" "$cidata" >"$TMP/out.sarif-ambitions" 2>/dev/null
"$BIN" check --format json --ambitions "$samples" "$cidata" >"$TMP/out.json-ambitions" 2>/dev/null

# --- JSON: docs/json-schema.json -------------------------------------------------------------
# shellcheck disable=SC2317 # called only through check, from tests/lib/e2e.sh
validate() { # SCHEMA FILE: ajv with its default strictness (the SARIF schema is not written for
    # ajv's strictRequired; docs/json-schema.json is, and is checked with --strict=true below)
    "$ajv" validate --spec=draft7 -c ajv-formats --all-errors -s "$1" -d "$2"
}
check "docs/json-schema.json compiles in ajv's strict mode" \
    "$ajv" compile --spec=draft7 -c ajv-formats --strict=true -s "$json_schema"
cp "$TMP/out.json" "$TMP/report.json"
check "JSON report valid against docs/json-schema.json" validate "$json_schema" "$TMP/report.json"
cp "$TMP/out.json-ambitions" "$TMP/report-ambitions.json"
check "JSON report (--ambitions) valid against docs/json-schema.json" validate "$json_schema" "$TMP/report-ambitions.json"
mkdir -p "$TMP/one"
for f in fixtures/profiles/*.yaml; do
    "$BIN" check --format json "$f" >"$TMP/one/$(basename "$f" .yaml).json" 2>/dev/null
done
check "JSON report of each of fixtures/profiles valid against docs/json-schema.json" \
    validate "$json_schema" "$TMP/one/*.json"
sed 's/"status":"incomplete"/"status":"half"/' "$TMP/report.json" >"$TMP/broken.json"
check "the JSON schema refuses an unknown status (the validator is live)" sh -c "! '$ajv' validate --spec=draft7 -c ajv-formats -s '$json_schema' -d '$TMP/broken.json'"

# --- SARIF: the official schema ----------------------------------------------------------------
cp "$TMP/out.sarif" "$TMP/report.sarif.json"
cp "$TMP/out.sarif-ambitions" "$TMP/report-ambitions.sarif.json"
check "SARIF valid against the SARIF 2.1.0 schema" validate "$sarif_schema" "$TMP/report.sarif.json"
check "SARIF (--ambitions) valid against the SARIF 2.1.0 schema" validate "$sarif_schema" "$TMP/report-ambitions.sarif.json"
sed 's/"level":"warning"/"level":"fatal"/' "$TMP/report.sarif.json" >"$TMP/broken.sarif.json"
check "the SARIF schema refuses level 'fatal' (the validator is live)" sh -c "! '$ajv' validate --spec=draft7 -c ajv-formats -s '$sarif_schema' -d '$TMP/broken.sarif.json'"

# --- JUnit: well-formed, counts, content --------------------------------------------------------
xp() { # FILE XPATH: the string value, exactly (xmllint's own trailing newline removed)
    r=$(xmllint --xpath "concat($2, '|')" "$1" 2>/dev/null) || return 1
    printf '%s' "${r%|}"
}
j=$TMP/out.junit
check "JUnit well-formed (xmllint --noout)" xmllint --noout "$j"
check "JUnit: one testsuite per profile" test "$(xp "$j" 'count(/testsuites/testsuite)')" = 5
check "JUnit: tests/failures/errors of each suite match its testcases" \
    test "$(xp "$j" 'count(//testsuite[@tests != count(testcase) or @failures != count(testcase/failure) or @errors != count(testcase/error) or @skipped != 0])')" = 0
check "JUnit: no totals on <testsuites> (streamed)" test "$(xp "$j" 'count(/testsuites/@tests | /testsuites/@failures | /testsuites/@errors)')" = 0
check "JUnit: a testcase per agreement, classname = path" \
    test "$(xp "$j" "count(//testsuite[@name='$failing']/testcase[@classname='$failing' and starts-with(@name, 'A')])")" = 14
check "JUnit: 'A13 Protocollen' fails for $failing" \
    test "$(xp "$j" "count(//testsuite[@name='$failing']/testcase[@name='A13 Protocollen']/failure[@type='not_met'])")" = 1
# shellcheck disable=SC2317 # called only through check, from tests/lib/e2e.sh
contains_all() { # TEXT WORD...: every word occurs in the text
    t=$1
    shift
    for w in "$@"; do
        case $t in *"$w"*) ;; *) echo "missing '$w' in: $t"; return 1 ;; esac
    done
}
check "JUnit: the failure names item, value, norm and line:col" contains_all \
    "$(xp "$j" "string(//testsuite[@name='$failing']/testcase[@name='A13 Protocollen']/failure)")" \
    protocol.anti_pesten beschikbaar "actief toegepast" het-palet.yaml:108:18
check "JUnit: the incomplete profile has one failure of type incomplete" \
    test "$(xp "$j" "count(//testsuite[@name='$incomplete']/testcase/failure)"),$(xp "$j" "count(//testsuite[@name='$incomplete']/testcase/failure[@type='incomplete'])")" = "1,1"
check "JUnit: the compliant profile passes every testcase" \
    test "$(xp "$j" "concat(//testsuite[@name='$compliant']/@failures, //testsuite[@name='$compliant']/@errors)")" = "00"
check "JUnit: the invalid profile is one testcase with an error at 17:5" \
    test "$(xp "$j" "concat(count(//testsuite[@name='$invalid']/testcase), '/', count(//testsuite[@name='$invalid']/testcase/error[contains(., 'de-sterrenwacht.yaml:17:5')]))")" = "1/1"
check "JUnit: the school name survives as a property" \
    test "$(xp "$j" "string(//testsuite[@name='$hard']/properties/property[@name='school']/@value)")" = "$name"
head -c 2000 "$j" >"$TMP/broken.xml"
check "xmllint refuses a cut-off report (the validator is live)" sh -c "! xmllint --noout '$TMP/broken.xml' 2>/dev/null"

# --- SARIF and JSON content, GitHub commands: checked in node against the JSON report ---------------
cat >"$TMP/check.js" <<'EOF'
// node check.js WHAT FILES...: content checks; prints one line per failed check, exits 1 when any.
'use strict';
const fs = require('fs');
const [what, ...files] = process.argv.slice(2);
const name = process.env.SC_NAME;
const bad = [];
const expect = (cond, msg) => { if (!cond) bad.push(msg); };
const load = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

// what the JSON report says should be found
function findings(report) {
  const r = { not_met: 0, unanswered: 0, open: 0, invalid: 0, items: new Set(), byFile: {} };
  const versions = report.versions;
  for (const p of report.profiles) {
    if (p.status === 'invalid') { r.invalid += p.errors.filter((e) => e.severity === 'error').length; continue; }
    const items = [].concat(...p.agreements.map((a) => a.items), ...p.promises.map((q) => q.items));
    const said = versions.find((v) => v.name === p.rules.name && v.version === p.rules.version).items;
    for (const it of items) {
      if (said[it.id].norm !== null || said[it.id].ambition_norm !== null) r.items.add(it.id);
      if (it.status === 'not_met') r.not_met++;
      if (it.status === 'unanswered') r.unanswered++;
    }
    r.unanswered += p.missing_required.length; // a required answer left out: a warning too
    r.open += p.ambitions.open;
  }
  return r;
}

if (what === 'json') {
  const rep = load(files[0]);
  const hard = rep.profiles.find((p) => p.file === 'tests/data/ci/tekens-in-naam.yaml');
  expect(hard && hard.school.naam === name, 'JSON: school.naam is not intact: ' + JSON.stringify(hard && hard.school.naam));
  const s = rep.summary;
  expect(s.profiles === 5 && s.compliant === 1 && s.not_compliant === 2 && s.incomplete === 1 && s.invalid === 1,
    'JSON: summary ' + JSON.stringify(s));
} else if (what === 'sarif') {
  const [sarifFile, jsonFile, ambitions] = files;
  const log = load(sarifFile);
  const want = findings(load(jsonFile));
  expect(log.$schema === 'https://json.schemastore.org/sarif-2.1.0.json', 'SARIF: $schema ' + log.$schema);
  expect(log.version === '2.1.0', 'SARIF: version');
  expect(log.runs.length === 1, 'SARIF: one run');
  const run = log.runs[0];
  const d = run.tool.driver;
  expect(d.name === 'sopcheck' && typeof d.version === 'string' && d.version !== '', 'SARIF: driver name/version');
  const ids = d.rules.map((r) => r.id);
  expect(new Set(ids).size === ids.length, 'SARIF: rule ids are not unique');
  expect(ids.includes('sopcheck/invalid-profile'), 'SARIF: no rule sopcheck/invalid-profile');
  for (const id of want.items) expect(ids.includes(id), 'SARIF: no rule for judged item ' + id);
  for (const r of d.rules) {
    if (r.id.startsWith('sopcheck/')) continue;
    expect(r.name && r.shortDescription && r.shortDescription.text && r.fullDescription && r.fullDescription.text,
      'SARIF: rule ' + r.id + ' lacks name or descriptions');
    expect(r.help && /Norm: |Geen norm/.test(r.help.text) && / Bron: /.test(r.help.text), 'SARIF: rule ' + r.id + ' help: ' + (r.help && r.help.text));
    expect(r.properties && 'agreement' in r.properties, 'SARIF: rule ' + r.id + ' has no properties.agreement');
  }
  const count = { error: 0, warning: 0, note: 0, invalid: 0 };
  for (const res of run.results) {
    expect(d.rules[res.ruleIndex] && d.rules[res.ruleIndex].id === res.ruleId, 'SARIF: ruleIndex ' + res.ruleIndex + ' is not ' + res.ruleId);
    expect(['error', 'warning', 'note'].includes(res.level), 'SARIF: level ' + res.level);
    if (res.ruleId === 'sopcheck/invalid-profile') count.invalid++; else count[res.level]++;
    expect(res.message && res.message.text, 'SARIF: result without message');
    const loc = res.locations && res.locations[0] && res.locations[0].physicalLocation;
    expect(loc && loc.artifactLocation && typeof loc.artifactLocation.uri === 'string', 'SARIF: result without artifact uri');
    if (!loc) continue;
    const uri = loc.artifactLocation.uri;
    expect(!uri.startsWith('./') && !uri.startsWith('/') && !uri.includes('\\'), 'SARIF: uri ' + uri);
    expect(fs.existsSync(decodeURIComponent(uri)), 'SARIF: uri does not name the profile: ' + uri);
    if (loc.region) {
      expect(Number.isInteger(loc.region.startLine) && loc.region.startLine >= 1, 'SARIF: startLine ' + loc.region.startLine);
      expect(loc.region.startColumn === undefined || loc.region.startColumn >= 1, 'SARIF: startColumn ' + loc.region.startColumn);
    }
    if (res.ruleId === 'sopcheck/invalid-profile')
      expect(uri === 'fixtures/samples/de-sterrenwacht.yaml' && loc.region && loc.region.startLine === 17 && loc.region.startColumn === 5,
        'SARIF: invalid-profile result at ' + uri + ' ' + JSON.stringify(loc.region));
    if (uri === 'tests/data/ci/tekens-in-naam.yaml') {
      expect(res.properties.school === name, 'SARIF: properties.school not intact: ' + JSON.stringify(res.properties.school));
      expect(res.message.text.includes(name), 'SARIF: message lacks the school name: ' + JSON.stringify(res.message.text));
    }
  }
  expect(count.error === want.not_met, `SARIF: ${count.error} error results, ${want.not_met} norms not met`);
  expect(count.warning === want.unanswered, `SARIF: ${count.warning} warning results, ${want.unanswered} unanswered`);
  expect(count.invalid === want.invalid, `SARIF: ${count.invalid} invalid-profile results, ${want.invalid} errors`);
  expect(count.note === (ambitions === 'yes' ? want.open : 0), `SARIF: ${count.note} notes, ambitions ${ambitions}, ${want.open} open`);
  expect(run.results.some((r) => r.locations && r.locations[0].physicalLocation.artifactLocation.uri === 'tests/data/ci/tekens-in-naam.yaml'),
    'SARIF: no result for the hard name');
} else if (what === 'github') {
  const [ghFile, jsonFile, summary] = files;
  const want = findings(load(jsonFile));
  const lines = fs.readFileSync(ghFile, 'utf8').split('\n');
  expect(lines.pop() === '', 'GitHub: the output does not end with a newline');
  const unMsg = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unProp = (s) => s.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const count = { error: 0, warning: 0, notice: 0 };
  let hard = 0;
  for (const line of lines) {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    expect(m, 'GitHub: not a workflow command: ' + line);
    if (!m) continue;
    count[m[1]]++;
    const props = {};
    for (const kv of m[2].split(',')) { const i = kv.indexOf('='); props[kv.slice(0, i)] = unProp(kv.slice(i + 1)); }
    const msg = unMsg(m[3]);
    if (m[1] !== 'notice') {
      expect(props.file && fs.existsSync(props.file) && !props.file.startsWith('./'), 'GitHub: file= ' + props.file);
      expect(!props.line || +props.line >= 1, 'GitHub: line= ' + props.line);
      expect(props.title, 'GitHub: no title: ' + line);
    }
    if (props.file === 'tests/data/ci/tekens-in-naam.yaml') {
      hard++;
      expect(msg.startsWith(name + ' (99ZZ00): '), 'GitHub: the school name is not intact: ' + JSON.stringify(msg));
    }
  }
  expect(count.error === want.not_met + want.invalid, `GitHub: ${count.error} errors, want ${want.not_met} + ${want.invalid}`);
  expect(count.warning === want.unanswered, `GitHub: ${count.warning} warnings, want ${want.unanswered}`);
  expect(count.notice === 1 && lines[lines.length - 1] === summary, 'GitHub: the last line is not the summary: ' + lines[lines.length - 1]);
  expect(hard > 0, 'GitHub: no command for the hard name');
} else if (what === 'paths') {
  // the odd-path run: SARIF uri and GitHub file= name the file given as "./ci dir/..."
  const [sarifFile, ghFile, want] = files;
  const log = load(sarifFile);
  const uris = new Set(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
  expect(uris.size === 1, 'paths: SARIF uris ' + JSON.stringify([...uris]));
  for (const u of uris) expect(decodeURIComponent(u) === want && !/[ ,:%]/.test(u.replace(/%[0-9A-F]{2}/g, '')), 'paths: SARIF uri ' + u);
  const gh = fs.readFileSync(ghFile, 'utf8').trim().split('\n').filter((l) => !l.startsWith('::notice'));
  expect(gh.length > 0, 'paths: no GitHub command');
  for (const l of gh) {
    const file = /^::\w+ file=([^,]*)/.exec(l);
    const dec = file && file[1].replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    expect(dec === want, 'paths: GitHub file= ' + (file && file[1]));
  }
} else {
  bad.push('unknown check ' + what);
}
for (const b of bad) console.log(b);
process.exit(bad.length ? 1 : 0);
EOF
export SC_NAME="$name"
check "JSON: the school name and the summary" node "$TMP/check.js" json "$TMP/report.json"
check "SARIF: rules, results, levels, locations, the school name" \
    node "$TMP/check.js" sarif "$TMP/report.sarif.json" "$TMP/report.json" no
check "SARIF (--ambitions): open ambitions as notes" \
    node "$TMP/check.js" sarif "$TMP/report-ambitions.sarif.json" "$TMP/report-ambitions.json" yes
check "GitHub: commands, counts, escapes, the school name, the summary" \
    node "$TMP/check.js" github "$TMP/out.github" "$TMP/report.json" \
    "::notice title=sopcheck::5 profielen: 1 voldoen, 2 voldoen niet, 1 onvolledig, 1 ongeldig"
"$BIN" check --format github --lang en "$compliant" >"$TMP/en.github" 2>/dev/null
check "GitHub (--lang en): the summary" \
    test "$(cat "$TMP/en.github")" = "::notice title=sopcheck::1 profile: 1 compliant, 0 not compliant, 0 incomplete, 0 invalid"

# --- an odd path: spaces, comma, colon, percent; given with a leading ./ ----------------------------
odd="ci dir/naam, met: 100%.yaml"
mkdir -p "$TMP/odd/ci dir" && cp "$hard" "$TMP/odd/$odd"
(cd "$TMP/odd" && "$BIN" check --format sarif "./$odd" >"$TMP/odd.sarif.json" 2>/dev/null)
(cd "$TMP/odd" && "$BIN" check --format github "./$odd" >"$TMP/odd.github" 2>/dev/null)
(cd "$TMP/odd" && "$BIN" check --format junit "./$odd" >"$TMP/odd.xml" 2>/dev/null)
check "odd path: SARIF valid against the SARIF 2.1.0 schema" validate "$sarif_schema" "$TMP/odd.sarif.json"
check "odd path: SARIF uri and GitHub file= decode to the path" \
    sh -c "cd '$TMP/odd' && node '$TMP/check.js' paths '$TMP/odd.sarif.json' '$TMP/odd.github' '$odd'"
check "odd path: JUnit well-formed, suite named by the path as given" \
    test "$(xp "$TMP/odd.xml" 'string(/testsuites/testsuite/@name)')" = "./$odd"
"$BIN" check --format sarif "$ROOT/$hard" >"$TMP/abs.sarif.json" 2>/dev/null
check "absolute path: SARIF valid against the SARIF 2.1.0 schema" validate "$sarif_schema" "$TMP/abs.sarif.json"
check "absolute path: SARIF uri is file:///..." grep -q '"uri":"file:///' "$TMP/abs.sarif.json"

# answers left out altogether still get a line: the key of their section (code scanning wants one)
"$BIN" check --format sarif tests/data/sarif/afwezige-antwoorden.yaml >"$TMP/absent.sarif.json" 2>/dev/null
check "absent answers: every SARIF result has a startLine, at the section key" python3 -c '
import json, sys
rs = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(rs) > 60, len(rs)
lines = {}
for r in rs:
    reg = r["locations"][0]["physicalLocation"]["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1, r
    lines[r["ruleId"]] = reg["startLine"]
assert lines["school.inspectie_oordeel"] == 3, lines["school.inspectie_oordeel"]
assert lines["aanbod.dyslexie"] == 7, lines["aanbod.dyslexie"]
' "$TMP/absent.sarif.json"
check "absent answers: SARIF valid against the SARIF 2.1.0 schema" validate "$sarif_schema" "$TMP/absent.sarif.json"

# --- help ---------------------------------------------------------------------------------------
"$BIN" --help >"$TMP/help" 2>&1
for w in --fail-on --format "text|json|junit|sarif|github" --output --ambitions --max-bytes; do
    check "sopcheck --help documents $w" grep -q -e "$w" "$TMP/help"
done

e2e_finish
