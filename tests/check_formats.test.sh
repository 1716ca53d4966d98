#!/bin/sh
# check_formats.test.sh — `decarb check` output read by real parsers: the
# JSON by Python's json module (and its documented schema, docs/report-format.md),
# the JUnit by xmllint, the TAP by prove, the CSV by Python's csv module.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
plan=tests/golden/check_text.lua
multi=tests/golden/check_multi.lua

# JSON: parses, and has the documented shape
"$DECARB" check --format json "$plan" "$multi" > "$t/r.json"; [ $? = 1 ] || fail "json exit code"
python3 -m json.tool "$t/r.json" > /dev/null || fail "json.tool rejects the JSON"
python3 - "$t/r.json" <<'PY' || fail "JSON schema"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["schema"] == "decarb-check" and d["version"] == 1, d.get("schema")
assert set(d) == {"plans", "schema", "summary", "version"}, sorted(d)
assert d["summary"] == {"met": 4, "missed": 2, "plans": 3, "targets": 6}, d["summary"]
def sorted_keys(o):
    if isinstance(o, dict):
        assert list(o) == sorted(o), list(o)
        for v in o.values(): sorted_keys(v)
    elif isinstance(o, list):
        for v in o: sorted_keys(v)
sorted_keys(d)
for p in d["plans"]:
    for k in ("file", "metrics", "name", "region", "scenario", "source", "targets",
              "targets_met", "targets_total", "warnings", "wedges", "years", "years_shown"):
        assert k in p, k
    n = p["years_shown"][1] - p["years_shown"][0] + 1
    for m in p["metrics"]:
        for s, v in m["values"].items():
            assert len(v) == n, (m["name"], s)
    for t in p["targets"]:
        assert isinstance(t["met"], bool)
        assert len(t["years"]) == n
        assert all(y["status"] in ("met", "missed", "not yet due", "none") for y in t["years"])
        # margins of percentages are in percentage points
        assert t["margin_unit"] == ("pp" if t["unit"] == "%" else t["unit"]), t["name"]
        if not t["met"]:
            assert t["first_failed"] is not None and t["message"].startswith("missed")
print("json ok")
PY

# JUnit: well-formed XML, one testcase per target, one failure per miss
"$DECARB" check --format junit --output "$t/r.xml" "$plan" "$multi"
xmllint --noout "$t/r.xml" || fail "xmllint rejects the JUnit"
[ "$(xmllint --xpath 'count(//testcase)' "$t/r.xml")" = 6 ] || fail "junit testcase count"
[ "$(xmllint --xpath 'count(//testcase/failure)' "$t/r.xml")" = 2 ] || fail "junit failure count"
[ "$(xmllint --xpath 'string(/testsuites/@failures)' "$t/r.xml")" = 2 ] || fail "junit failures attribute"

# TAP: prove reads it; all met passes, a miss fails with the right count
"$DECARB" check --format tap --scenario fast "$plan" > "$t/met.tap"; [ $? = 0 ] || fail "tap exit (met)"
prove -e cat "$t/met.tap" > "$t/prove1" 2>&1 || { cat "$t/prove1"; fail "prove rejects a met plan"; }
"$DECARB" check --format tap "$plan" "$multi" > "$t/missed.tap"
prove -e cat "$t/missed.tap" > "$t/prove2" 2>&1 && fail "prove passes a missed target"
grep -q "Failed 2/6 subtests" "$t/prove2" || { cat "$t/prove2"; fail "prove count"; }

# CSV: long format, parsed, one unit per metric
"$DECARB" check --format csv "$plan" > "$t/r.csv"
python3 - "$t/r.csv" <<'PY' || fail "CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0]) == ["file", "plan", "scenario", "year", "metric", "value", "unit"]
assert {r["file"] for r in rows} == {"tests/golden/check_text.lua"}, {r["file"] for r in rows}
assert {r["scenario"] for r in rows} == {"BAU", "plan", "fast"}
units = {}
for r in rows:
    float(r["value"]); int(r["year"])
    assert units.setdefault(r["metric"], r["unit"]) == r["unit"], r
print("csv ok", len(rows))
PY

# a checked script that prints: its output goes to stderr, the report stays whole
printing=tests/golden/check_print.lua
"$DECARB" check --format tap "$printing" > "$t/print.tap" 2> "$t/print.err" || fail "tap exit (print)"
prove -e cat "$t/print.tap" > "$t/prove3" 2>&1 || { cat "$t/prove3"; fail "prove rejects a printing script's TAP"; }
grep -q "a summary line" "$t/print.err" || fail "print did not reach stderr"
"$DECARB" check --format csv "$printing" 2> /dev/null | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
assert rows and all(float(r["value"]) in (0, 10) for r in rows), rows[:3]' || fail "CSV of a printing script"

# colour only on request: --no-color and files never get escape codes
"$DECARB" check "$plan" > "$t/plain.txt"
grep -q "$(printf '\033')" "$t/plain.txt" && fail "colour in a pipe"
# JUnit and TAP carry the target's file and line (check_text.lua: line 12 on)
[ "$(xmllint --xpath 'string(//testcase[1]/@line)' "$t/r.xml")" = 12 ] || fail "junit line attribute"
[ "$(xmllint --xpath 'string(//testcase[1]/@file)' "$t/r.xml")" = "$plan" ] || fail "junit file attribute"
grep -q '^  line: 12$' "$t/missed.tap" || fail "TAP YAML line"
grep -q '^  deciding_year: 2026$' "$t/missed.tap" || fail "TAP YAML deciding year"

# jsonl: one object per plan per line, schema decarb-plan; written per file
"$DECARB" check --format jsonl "$plan" "$multi" > "$t/r.jsonl"; [ $? = 1 ] || fail "jsonl exit code"
[ "$(wc -l < "$t/r.jsonl")" = 3 ] || fail "jsonl: one line per plan"
python3 - "$t/r.jsonl" "$t/r.json" <<'PY' || fail "jsonl content"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
whole = json.load(open(sys.argv[2]))
assert all(l["schema"] == "decarb-plan" and l["version"] == 1 for l in lines)
for l, p in zip(lines, whole["plans"]):
    del l["schema"], l["version"]
    assert l == p, l["name"]
print("jsonl ok")
PY

# JSON numbers read back to the same double as the shortest text: 12 digits were lossy
grep -q '152.61624192640002' "$t/r.json" || fail "JSON numbers are not exact"

# github: an ::error with file and line for each missed target
"$DECARB" check --format github "$plan" "$multi" > "$t/gh.txt"; [ $? = 1 ] || fail "github exit code"
[ "$(grep -c '^::error ' "$t/gh.txt")" = 2 ] || fail "github: one error per miss"
grep -q "^::error file=$plan,line=14,title=Mini city%3A -15 %25 vs 2020 by 2026::" "$t/gh.txt" || { cat "$t/gh.txt"; fail "github error line"; }
grep -q '^::notice title=decarb check::4 of 6 targets met$' "$t/gh.txt" || fail "github notice"

# csv-targets: one row per target and year
"$DECARB" check --format csv-targets "$plan" > "$t/tg.csv"
python3 - "$t/tg.csv" <<'PY' || fail "csv-targets"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert list(rows[0])[:8] == ["file", "line", "plan", "scenario", "target", "kind", "year", "status"], list(rows[0])
assert len(rows) == 3 * 7, len(rows)
assert {r["line"] for r in rows} == {"12", "13", "14"}
assert {r["status"] for r in rows} <= {"met", "missed", "not yet due", "none"}
print("csv-targets ok")
PY

# --output - is standard output; check - reads the script from stdin
"$DECARB" check --output - "$plan" > "$t/dash.txt"; "$DECARB" check "$plan" > "$t/plain2.txt"
cmp -s "$t/dash.txt" "$t/plain2.txt" || fail "--output - differs from stdout"
"$DECARB" check --format jsonl - < "$plan" > "$t/stdin.jsonl"; [ $? = 1 ] || fail "check - exit code"
grep -q '"name": "Mini city"' "$t/stdin.jsonl" || fail "check - read no plan"
"$DECARB" check - - < "$plan" 2> "$t/e" && fail "two - accepted"
grep -q "may be given once" "$t/e" || fail "two - message"

# --output files: mode 0666 minus the umask
( umask 022; "$DECARB" check --output "$t/m.txt" "$plan" )
[ "$(stat -c %a "$t/m.txt")" = 644 ] || fail "--output mode $(stat -c %a "$t/m.txt"), expected 644"
( umask 007; "$DECARB" check --output "$t/m2.txt" "$plan" )
[ "$(stat -c %a "$t/m2.txt")" = 660 ] || fail "--output mode with umask 007"

# write failures: exit 2 with a message, an existing file untouched, no partial file
"$DECARB" check --output /dev/full "$plan" 2> "$t/e"; [ $? = 2 ] || fail "/dev/full exit code"
grep -q "cannot write the report to /dev/full" "$t/e" || { cat "$t/e"; fail "/dev/full message"; }
"$DECARB" check --format jsonl "$plan" > /dev/full 2> "$t/e"; [ $? = 2 ] || fail "stdout /dev/full exit code"
echo keep > "$t/old.json"
( trap '' XFSZ; ulimit -f 8; "$DECARB" check --format json --output "$t/old.json" "$plan" "$multi" ) 2> "$t/e"
[ $? = 2 ] || fail "full disk (EFBIG) exit code"
[ "$(cat "$t/old.json")" = keep ] || fail "a failed write changed the existing file"
[ -z "$(ls "$t" | grep 'old.json.tmp')" ] || fail "a partial temporary file was left"
grep -q "cannot write the report to $t/old.json" "$t/e" || { cat "$t/e"; fail "full disk message"; }
# a failing run (syntax error) leaves the existing file as it was
printf 'plan{ "x", years = {2020, 2021}\n' > "$t/bad.lua"
"$DECARB" check --output "$t/old.json" "$plan" "$t/bad.lua" 2> /dev/null; [ $? = 3 ] || fail "syntax exit"
[ "$(cat "$t/old.json")" = keep ] || fail "a failed run changed the existing file"

# more than 64 scenarios: every one in the JSON
{ echo 'local p = plan{ "Many", years = {2020, 2021} }'
  echo 'p:sector{ "all", emissions = "10 tCO2e/yr" }'
  i=1; while [ $i -le 100 ]; do echo "p:scenario{ \"s$i\" }"; i=$((i + 1)); done; } > "$t/many.lua"
"$DECARB" check --format json "$t/many.lua" > "$t/many.json" || { "$DECARB" check "$t/many.lua"; fail "many scenarios run"; }
python3 - "$t/many.json" <<'PY' || fail "100 scenarios"
import json, sys
d = json.load(open(sys.argv[1]))
v = d["plans"][0]["metrics"][0]["values"]
assert len(v) == 102, len(v)
print("100 scenarios ok")
PY
# and every JSON this test wrote is valid against its schema (docs/schema/)
python3 - "$t" <<'PY' || fail "schemas"
import glob, json, os, sys
from jsonschema import Draft202012Validator as V
check = V(json.load(open("docs/schema/decarb-check.json")))
plan = V(json.load(open("docs/schema/decarb-plan.json")))
for f in [g for g in glob.glob(os.path.join(sys.argv[1], "*.json")) if not g.endswith("old.json")]:
    check.validate(json.load(open(f)))
for f in glob.glob(os.path.join(sys.argv[1], "*.jsonl")):
    for line in open(f):
        plan.validate(json.loads(line))
print("schemas ok")
PY
echo "all formats ok"
