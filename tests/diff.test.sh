#!/bin/sh
# diff.test.sh — decarb diff: every example against its own JSON report (and
# the report against the example) has no changes and exits 0, in every
# report form (json, jsonl); the fixture pairs of tests/golden give exit 1
# exactly for a regression; --format json is valid against
# docs/schema/decarb-diff.json; markdown says the same in a table.
set -u
DECARB=${DECARB:-./decarb}; case $DECARB in /*) ;; *) DECARB=$(pwd)/$DECARB ;; esac
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
for f in examples/*.lua examples/intro/first_plan.lua tests/golden/explain_kinds.lua tests/golden/diff_old.lua; do
  b=$(basename "$f" .lua)
  ( cd "$(dirname "$f")" && "$DECARB" check --format json "$b.lua" > "$t/r_$b.json" 2> /dev/null
    "$DECARB" check --format jsonl "$b.lua" > "$t/r_$b.jsonl" 2> /dev/null )
  for r in "$t/r_$b.json" "$t/r_$b.jsonl"; do
    out=$(cd "$(dirname "$f")" && "$DECARB" diff "$b.lua" "$r" 2>&1); rc=$?
    [ $rc = 0 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "no changes" ] \
      || { echo "not ok - diff $f $(basename "$r"): exit $rc: $out" | head -n 5; fail=1; }
    out=$(cd "$(dirname "$f")" && "$DECARB" diff "$r" "$b.lua" 2>&1); rc=$?
    [ $rc = 0 ] && [ "$(printf '%s\n' "$out" | tail -n 1)" = "no changes" ] \
      || { echo "not ok - diff $(basename "$r") $f: exit $rc: $out" | head -n 5; fail=1; }
  done
done
cd tests/golden || exit 1
n=0
for pair in "diff_old diff_new 1" "diff_new diff_old 0" "diff_old diff_renamed 0" "diff_old diff_more 0" \
            "diff_more diff_old 0" "diff_renamed diff_new 1"; do
  set -- $pair
  "$DECARB" diff --format json "$1.lua" "$2.lua" > "$t/d$n.json" 2> "$t/err"; rc=$?
  [ $rc = "$3" ] || { echo "not ok - diff $1 $2: exit $rc, expected $3: $(cat "$t/err")"; fail=1; }
  "$DECARB" diff --format markdown "$1.lua" "$2.lua" > "$t/d$n.md" 2> /dev/null; rm=$?
  [ $rm = "$3" ] || { echo "not ok - diff --format markdown $1 $2: exit $rm"; fail=1; }
  n=$((n + 1))
done
cd ../..
python3 - "$t" <<'PY' || fail=1
import glob, json, os, sys
from jsonschema import Draft202012Validator as V
schema = V(json.load(open("docs/schema/decarb-diff.json")))
V.check_schema(schema.schema)
bad = 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "d*.json"))):
    doc = json.load(open(f))
    for e in schema.iter_errors(doc):
        bad += 1; print("not ok - %s: %s" % (f, e.message))
    md = open(f[:-5] + ".md").read()
    # the table has a row per change and the regressions marked
    if md.count("\n| ") - 1 != len(doc["changes"]) or md.count("**regression**") != doc["regressions"]:
        bad += 1; print("not ok - %s: the markdown has other rows than the JSON's %d changes" % (f, len(doc["changes"])))
    if (doc["regressions"] > 0) != any(c["regression"] for c in doc["changes"]):
        bad += 1; print("not ok - %s: regressions count" % f)
kinds = {c["kind"] for f in glob.glob(os.path.join(sys.argv[1], "d*.json")) for c in json.load(open(f))["changes"]}
want = {"regression", "improvement", "margin changed", "target added", "target removed", "metric changed",
        "metric added", "metric removed", "measure renamed", "measure changed", "scenario added", "scenario removed",
        "plan added", "plan removed", "sector changed", "sector added", "sector removed"}
if not want <= kinds:
    bad += 1; print("not ok - kinds never seen: %s" % sorted(want - kinds))
sys.exit(1 if bad else 0)
PY
[ $fail = 0 ] && echo "ok - diff"
exit $fail
