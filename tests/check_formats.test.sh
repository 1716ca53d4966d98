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
assert list(rows[0]) == ["plan", "scenario", "year", "metric", "value", "unit"]
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
echo "all formats ok"
