#!/bin/sh
# jobs_set.test.sh — `decarb check --set NAME=VALUE` read by param() (in
# one process and in workers), its errors, and --exit-zero.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cat > "$t/p.lua" <<'LUA'
local hours = param("pv_hours", "1286 h/yr")
local n, mode, fast = param("n", 3), param("mode", "slow"), param("fast", false)
print(hours, n, math.type(n), mode, fast)
local p = plan{ "P", years = {2020, 2022} }
p:sector{ "power", emissions = series{ [2020] = "100 tCO2e/yr", [2022] = "100 tCO2e/yr" } }
p:target{ "cap", at_most = q(n * 10, "tCO2e/yr"), by = 2022 }
LUA
"$DECARB" check "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 1 ] || fail "defaults: exit $c"
[ "$(cat "$t/e")" = "1286 h/yr	3	integer	slow	false" ] || fail "defaults: $(cat "$t/e")"
for j in 1 2; do
  "$DECARB" check --jobs $j --set pv_hours="1400 h/yr" --set n=20 --set mode=fast --set fast=true \
    "$t/p.lua" "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
  [ "$c" = 0 ] || fail "--jobs $j --set: exit $c (the target moves with n)"
  [ "$(sed -n 1p "$t/e")" = "1400 h/yr	20	integer	fast	true" ] && [ "$(sed -n 2p "$t/e")" = "$(sed -n 1p "$t/e")" ] ||
    fail "--jobs $j --set: $(cat "$t/e")"
done
"$DECARB" check --set=n=2.5 "$t/p.lua" 2> "$t/e" > /dev/null
grep -q "2.5	float" "$t/e" || fail "--set=NAME=VALUE: $(cat "$t/e")"
# a value of the wrong kind: a runtime error at the script's line
"$DECARB" check --set pv_hours="5 MW" "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 4 ] && grep -q "p.lua:1: param 'pv_hours': --set pv_hours=5 MW is not in the units of the default 1286 h/yr" "$t/e" ||
  fail "units: exit $c $(cat "$t/e")"
"$DECARB" check --set n=many "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 4 ] && grep -q "p.lua:2: param 'n': --set n=many is not a number (the default is 3)" "$t/e" || fail "number: $(cat "$t/e")"
"$DECARB" check --set fast=yes "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 4 ] && grep -q "should be true or false" "$t/e" || fail "boolean: $(cat "$t/e")"
"$DECARB" check --set pv_hours="12 parsecs" "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 4 ] && grep -q "is not a quantity (unknown unit" "$t/e" || fail "quantity: $(cat "$t/e")"
# bad --set: exit 2
for bad in "pv_hours" "=5" ; do
  "$DECARB" check --set "$bad" "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
  [ "$c" = 2 ] && grep -q "set wants NAME=VALUE" "$t/e" || fail "--set $bad: exit $c $(cat "$t/e")"
done
"$DECARB" check --set n=1 --set n=2 "$t/p.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 2 ] && grep -q "sets a name given before" "$t/e" || fail "--set twice: $c"
# --exit-zero: a missed target exits 0, the report is unchanged; errors keep their code
"$DECARB" check "$t/p.lua" > "$t/r1" 2> /dev/null
"$DECARB" check --exit-zero "$t/p.lua" > "$t/r2" 2> /dev/null || fail "--exit-zero: exit $?"
cmp -s "$t/r1" "$t/r2" || fail "--exit-zero changed the report"
echo 'x = = 1' > "$t/bad.lua"
"$DECARB" check --exit-zero "$t/bad.lua" > /dev/null 2>&1; [ $? = 3 ] || fail "--exit-zero with a syntax error"
echo "jobs_set: ok"
