#!/bin/sh
# examples.test.sh — the seed examples as a user runs them: `decarb check`
# over all six must exit 0 or 1 (a missed target), never >= 2; each one's
# JSON report must parse; each must run as a plain script with exit 0; and
# the designed miss (Zhangye's taxis) must be missed in "plan" and met in
# scenario "taxi_push". Run from the repository root (tests/run_golden.sh does).
decarb=${DECARB:-./decarb}
examples="examples/zhangye.lua examples/jiayuguan.lua examples/changzhi.lua examples/xinjiang.lua examples/guian.lua examples/china_peak.lua"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "not ok - $*"; status=1; }

# every example exists
for f in $examples; do [ -f "$f" ] || fail "$f is missing"; done

# all together, as CI would run them
"$decarb" check $examples > "$tmp/all.txt" 2> "$tmp/all.err"; rc=$?
if [ "$rc" -gt 1 ]; then fail "decarb check over the examples exited $rc"; cat "$tmp/all.err"
else echo "ok - decarb check over the examples exited $rc"; fi
[ -s "$tmp/all.err" ] && fail "decarb check wrote to stderr: $(head -n 3 "$tmp/all.err")"
grep -q '^[0-9]* of [0-9]* targets met$' "$tmp/all.txt" || fail "no verdict line in the text report"

# one by one: exit code, JSON that parses, and the plain run
for f in $examples; do
  "$decarb" check --format json "$f" > "$tmp/r.json" 2> "$tmp/r.err"; rc=$?
  if [ "$rc" -gt 1 ]; then fail "decarb check --format json $f exited $rc"; head -n 5 "$tmp/r.err"; continue; fi
  if python3 -m json.tool "$tmp/r.json" > /dev/null 2> "$tmp/j.err"; then echo "ok - $f: JSON parses (exit $rc)"
  else fail "$f: JSON does not parse: $(head -n 2 "$tmp/j.err")"; fi
  # every plan of the report has targets, and each has a verdict
  python3 - "$tmp/r.json" <<'EOF' || fail "$f: JSON lacks plans or target verdicts"
import json, sys
doc = json.load(open(sys.argv[1]))
plans = doc["plans"]
assert plans, "no plan"
for p in plans:
    assert p["targets"], "no targets in " + p.get("name", "?")
    for t in p["targets"]:
        assert isinstance(t["met"], bool), t
EOF
  "$decarb" "$f" > /dev/null 2> "$tmp/run.err"; rc=$?
  [ "$rc" = 0 ] && echo "ok - decarb $f exits 0" || { fail "decarb $f exited $rc"; head -n 5 "$tmp/run.err"; }
done

# the designed miss and its repair
"$decarb" check examples/zhangye.lua > "$tmp/z.txt"; rc=$?
[ "$rc" = 1 ] && grep -q '✘ New-energy taxis >= 35 % of taxis by 2025 — missed' "$tmp/z.txt" \
  && echo "ok - zhangye misses the taxi target" || fail "zhangye: taxi target not missed as designed (exit $rc)"
"$decarb" check --scenario taxi_push examples/zhangye.lua > "$tmp/zp.txt"; rc=$?
[ "$rc" = 0 ] && grep -q '✔ New-energy taxis >= 35 % of taxis by 2025 — met' "$tmp/zp.txt" \
  && echo "ok - scenario taxi_push meets it" || fail "zhangye --scenario taxi_push: not all met (exit $rc)"
exit $status
