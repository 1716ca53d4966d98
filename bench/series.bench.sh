#!/bin/sh
# series.bench.sh DECARB — the series rows of `make bench`: element-wise
# a*b + c on 41-year series (MW x h + MWh) in decarb, against the same on
# pure-Lua tables in decarb, lua5.4 and luajit, and NumPy arrays.
# Prints ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP (ns per whole 41-year a*b + c),
# each the median of REPEAT runs.
DECARB=$1
here=$(dirname "$0")
REPEAT=${BENCH_REPEAT:-5}
N=${BENCH_SERIES_N:-200000}
PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench() {
  row=$1; impl=$2; shift 2
  i=0; : > "$tmp/runs"
  while [ "$i" -lt "$REPEAT" ]; do
    "$@" >> "$tmp/runs" 2> "$tmp/err" || { echo "series.bench: $impl failed: $(head -n 3 "$tmp/err")" >&2; return 0; }
    i=$((i + 1))
  done
  m=$(median < "$tmp/runs") && printf '%s\t%s\t%s\n' "$row" "$impl" "$m"
}
have() { command -v "$1" > /dev/null 2>&1; }

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
