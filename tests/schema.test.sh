#!/bin/sh
# schema.test.sh — every JSON decarb check writes in the test suite is valid
# against its JSON Schema (docs/schema/decarb-check.json for --format json,
# decarb-plan.json for each line of --format jsonl): the golden outputs of
# JSON tests, and fresh JSON / jsonl of every example and check_ fixture.
DECARB=${DECARB:-./decarb}; case $DECARB in /*) ;; *) DECARB=$(pwd)/$DECARB ;; esac
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 -c 'import jsonschema' 2> /dev/null || fail "python3-jsonschema missing (make deps)"
n=0
for cmd in tests/golden/*.cmd; do
  b=${cmd%.cmd}
  [ -f "$b.out" ] || continue
  if grep -q -- "--format json " "$cmd" && ! grep -q "|" "$cmd" && [ "$(grep -c . "$cmd")" = 1 ]; then cp "$b.out" "$t/g$n.json"; n=$((n + 1))
  elif grep -q -- '--format jsonl ' "$cmd" && [ "$(grep -c . "$cmd")" = 1 ]; then cp "$b.out" "$t/g$n.jsonl"; n=$((n + 1)); fi
done
for f in examples/*.lua examples/intro/first_plan.lua tests/golden/check_*.lua; do
  case $f in *check_syntax*|*check_timeout*|*check_noplan*|*check_fn*|*check_cli_*) continue ;; esac
  ( cd "$(dirname "$f")" && "$DECARB" check --format json "$(basename "$f")" ) > "$t/f$n.json" 2> /dev/null
  ( cd "$(dirname "$f")" && "$DECARB" check --format jsonl "$(basename "$f")" ) > "$t/f$n.jsonl" 2> /dev/null
  [ -s "$t/f$n.json" ] || fail "$f wrote no JSON"
  n=$((n + 1))
done
# a Monte Carlo (version 2): the report and a block's jsonl
( cd tests/golden && "$DECARB" check --format json --samples 50 --seed 3 mc_closed.lua ) > "$t/mc$n.json"
( cd tests/golden && "$DECARB" check --format jsonl --samples 20:40 --seed 3 mc_closed.lua ) > "$t/mc$n.jsonl"
grep -q '"version": 2' "$t/mc$n.json" || fail "a Monte Carlo report is not version 2"
python3 - "$t" <<'PY' || fail "schema validation"
import glob, json, os, sys
from jsonschema import Draft202012Validator as V
check = V(json.load(open("docs/schema/decarb-check.json")))
plan = V(json.load(open("docs/schema/decarb-plan.json")))
V.check_schema(check.schema); V.check_schema(plan.schema)
count = 0
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json"))):
    check.validate(json.load(open(f))); count += 1
for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.jsonl"))):
    for line in open(f):
        plan.validate(json.loads(line)); count += 1
# the schemas reject what they should: a wrong version, a missing key
bad = json.load(open(sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))[0]))
bad["version"] = 2
assert not check.is_valid(bad)
bad["version"] = 1; del bad["plans"][0]["targets_met"]
assert not check.is_valid(bad)
# version 2 needs the run's seed and samples; each target its p_met
mc = json.load(open(sorted(glob.glob(os.path.join(sys.argv[1], "mc*.json")))[0]))
assert mc["version"] == 2 and "p_met" in mc["plans"][0]["targets"][0], mc.keys()
del mc["seed"]
assert not check.is_valid(mc)
line = json.loads(open(sorted(glob.glob(os.path.join(sys.argv[1], "mc*.jsonl")))[0]).readline())
assert line["mc"]["first"] == 20 and line["mc"]["end"] == 40 and len(line["mc"]["draws"][0]) == 20
del line["mc"]
assert not plan.is_valid(line)
assert count > 20, count
print("schema ok:", count, "documents")
PY
