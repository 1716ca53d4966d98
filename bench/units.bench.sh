#!/bin/sh
# units.bench.sh DECARB — the units rows of `make bench`: quantity arithmetic
# (a*b + c) against plain numbers in decarb itself, lua5.4, luajit, Python
# (floats and pint) and a C loop; unit-string parsing, cached and uncached.
# Prints ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP, each the median of REPEAT runs.
DECARB=$1
here=$(dirname "$0")
REPEAT=${BENCH_REPEAT:-5}
N=${BENCH_N:-1000000}        # the issue's 10^6 operations
NPINT=${BENCH_NPINT:-20000}  # pint is ~10^4 times slower: fewer, same per-op figure
PY=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench ROW IMPL CMD... : REPEAT runs of CMD (each prints ns/op), one line out
bench() {
  row=$1; impl=$2; shift 2
  i=0; : > "$tmp/runs"
  while [ "$i" -lt "$REPEAT" ]; do
    "$@" >> "$tmp/runs" 2> "$tmp/err" || { echo "units.bench: $impl on $row failed: $(head -n 3 "$tmp/err")" >&2; return 0; }
    i=$((i + 1))
  done
  m=$(median < "$tmp/runs") && printf '%s\t%s\t%s\n' "$row" "$impl" "$m"
}

have() { command -v "$1" > /dev/null 2>&1; }

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
