#!/bin/sh
# units.bench.sh DECARB — the units rows of `make bench`: quantity arithmetic
# (a*b + c) against plain numbers in decarb itself, lua5.4, luajit, Python
# (floats and pint) and a C loop; unit-string parsing, cached and uncached.
# Prints ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP, each the median of REPEAT runs.
DECARB=$1
here=$(dirname "$0")
N=${BENCH_N:-1000000}        # the 10^6 operations
NPINT=${BENCH_NPINT:-20000}  # pint is ~10^4 times slower: fewer, same per-op figure
PY=/usr/bin/python3
BENCH_NAME=units.bench; . "$here/lib.sh"

row="quantity a*b+c"
bench "$row" decarb "$DECARB" "$here/units_work.lua" quantities "$N"
bench "$row" "decarb, plain numbers" "$DECARB" "$here/units_work.lua" numbers "$N"
have lua5.4 && bench "$row" "lua5.4, plain numbers" lua5.4 "$here/units_work.lua" numbers "$N"
have luajit && bench "$row" "luajit, plain numbers" luajit "$here/units_work.lua" numbers "$N"
if [ -x "$PY" ] && "$PY" -c 'import pint' 2> /dev/null; then
  bench "$row" "python3 pint" "$PY" "$here/units_pint.py" quantities "$NPINT"
else
  echo "units.bench: python3-pint missing (make deps-bench); pint rows skipped" >&2
fi
[ -x "$PY" ] && bench "$row" "python3 floats" "$PY" "$here/units_pint.py" floats "$N"
if cc -O2 -o "$tmp/loop" "$here/units_loop.c" 2> "$tmp/ccerr"; then
  bench "$row" "C doubles (cc -O2)" "$tmp/loop" "$N"
fi

row="parse \"0.4772 kgCO2/kWh\", cached"
bench "$row" decarb "$DECARB" "$here/units_work.lua" parse_cached "$N"
"$PY" -c 'import pint' 2> /dev/null && bench "$row" "python3 pint" "$PY" "$here/units_pint.py" parse_cached "$((NPINT / 4))"

row="parse a new quantity string"
bench "$row" decarb "$DECARB" "$here/units_work.lua" parse_uncached "$((N / 4))"
"$PY" -c 'import pint' 2> /dev/null && bench "$row" "python3 pint" "$PY" "$here/units_pint.py" parse_uncached "$((NPINT / 4))"
exit 0
