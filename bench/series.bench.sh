#!/bin/sh
# series.bench.sh DECARB — the series rows of `make bench`: element-wise
# a*b + c on 41-year series (MW x h + MWh) in decarb, against the same on
# pure-Lua tables in decarb, lua5.4 and luajit, and NumPy arrays.
# Prints ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP (ns per whole 41-year a*b + c),
# each the median of REPEAT runs.
DECARB=$1
here=$(dirname "$0")
N=${BENCH_SERIES_N:-200000}
PY=/usr/bin/python3
BENCH_NAME=series.bench; . "$here/lib.sh"

row="series a*b+c, 41 years"
bench "$row" decarb "$DECARB" "$here/series_work.lua" series "$N"
bench "$row" "decarb, Lua tables" "$DECARB" "$here/series_work.lua" tables "$N"
have lua5.4 && bench "$row" "lua5.4, Lua tables" lua5.4 "$here/series_work.lua" tables "$N"
have lua5.4 && bench "$row" "lua5.4, fused loop" lua5.4 "$here/series_work.lua" fused "$N"
have luajit && bench "$row" "luajit, Lua tables" luajit "$here/series_work.lua" tables "$N"
have luajit && bench "$row" "luajit, fused loop" luajit "$here/series_work.lua" fused "$N"
if [ -x "$PY" ] && "$PY" -c 'import numpy' 2> /dev/null; then
  bench "$row" "python3 numpy" "$PY" "$here/series_numpy.py" "$N"
else
  echo "series.bench: python3-numpy missing (make deps-bench); numpy row skipped" >&2
fi
exit 0
