#!/bin/sh
# explain.test.sh — decarb explain: for every target of every example (and of
# tests/golden/explain_kinds.lua, which has every kind of target), in its deciding
# year and in the first and last years, the JSON terms add up to the value;
# every kind of target is explained at least once; the JSON is valid against
# docs/schema/decarb-explain.json; usage errors exit 2.
set -u
DECARB=${DECARB:-./decarb}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
for f in examples/*.lua examples/intro/*.lua tests/golden/explain_kinds.lua; do
  grep -q 'plan{' "$f" || continue
  y0=$(sed -n 's/.*years = {\([0-9]*\), *\([0-9]*\)}.*/\1/p' "$f" | head -n 1)
  y1=$(sed -n 's/.*years = {\([0-9]*\), *\([0-9]*\)}.*/\2/p' "$f" | head -n 1)
  for y in "" "$y0" "$y1"; do
    out="$tmp/$(basename "$f" .lua)$y.json"
    if ! "$DECARB" explain --format json ${y:+--year "$y"} "$f" > "$out" 2> "$tmp/err"; then
      echo "not ok - explain $f ${y:+--year $y}: exit $?: $(head -c 300 "$tmp/err")"; fail=1
    fi
  done
done
python3 - "$tmp" <<'PY' || fail=1
import json, glob, sys, math
from jsonschema import Draft202012Validator as V
schema = V(json.load(open("docs/schema/decarb-explain.json")))
V.check_schema(schema.schema)
kinds, bad, n = set(), 0, 0
for fn in sorted(glob.glob(sys.argv[1] + "/*.json")):
    doc = json.load(open(fn))
    for err in schema.iter_errors(doc):
        bad += 1; print("not ok - %s: not valid against docs/schema/decarb-explain.json: %s" % (fn, err.message))
    for e in doc["explanations"]:
        n += 1
        kinds.add(e["kind"])
        v = e["value"]
        if v is None:
            if e["terms"]:  # a budget outside its years has no value and no terms
                bad += 1; print("not ok - %s %r %d: no value but terms" % (fn, e["name"], e["year"]))
            continue
        s = sum(t["value"] for t in e["terms"])
        scale = max([1e-300, abs(v)] + [abs(t["value"]) for t in e["terms"]])
        if not e["terms"] or abs(s - v) > 1e-9 * scale:
            bad += 1
            print("not ok - %s %r in %d: terms add up to %r, value %r" % (fn, e["name"], e["year"], s, v))
        for t in e["terms"]:
            if set(t) < {"name", "kind", "value", "unit", "source"}:
                bad += 1; print("not ok - %s: term without its fields: %r" % (fn, t))
        if e["status"] == "missed" and not e["what_would_it_take"]:
            bad += 1; print("not ok - %s %r: missed without what would it take" % (fn, e["name"]))
want = {"at_most", "at_least", "reduce", "vs_scenario", "peak", "net_zero", "budget", "share",
        "intensity", "intensity_at_most"}
if not want <= kinds:
    bad += 1; print("not ok - kinds never explained: %s" % sorted(want - kinds))
print("%d explanations checked, %d bad" % (n, bad))
sys.exit(1 if bad else 0)
PY
# usage errors: exit 2 with a message
"$DECARB" explain --target "no such target" tests/golden/explain_kinds.lua > /dev/null 2> "$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q "has no target 'no such target' (it has: \"At most 120 t by 2025\"" "$tmp/err" \
  || { echo "not ok - unknown target: exit $rc: $(cat "$tmp/err")"; fail=1; }
"$DECARB" explain --year 1999 tests/golden/explain_kinds.lua > /dev/null 2> "$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q "year 1999 is outside the plan's years 2020-2026" "$tmp/err" \
  || { echo "not ok - year outside: exit $rc: $(cat "$tmp/err")"; fail=1; }
"$DECARB" explain --scenario nope tests/golden/explain_kinds.lua > /dev/null 2> "$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q "has no scenario 'nope'" "$tmp/err" \
  || { echo "not ok - unknown scenario: exit $rc: $(cat "$tmp/err")"; fail=1; }
"$DECARB" explain --format xml tests/golden/explain_kinds.lua > /dev/null 2> "$tmp/err"
rc=$?; [ $rc = 2 ] || { echo "not ok - bad format: exit $rc"; fail=1; }
"$DECARB" explain > /dev/null 2> "$tmp/err"
rc=$?; [ $rc = 2 ] && grep -q "no FILE given" "$tmp/err" || { echo "not ok - no file: exit $rc"; fail=1; }
# a scenario changes the terms: "fast" retrofits more
"$DECARB" explain --scenario fast --target "At most 120 t by 2025" tests/golden/explain_kinds.lua > "$tmp/fast" 2>&1
grep -q "− 30 tCO2e/yr  Retrofit" "$tmp/fast" || { echo "not ok - --scenario fast: $(cat "$tmp/fast")"; fail=1; }
[ $fail = 0 ] && echo "ok - explain"
exit $fail
