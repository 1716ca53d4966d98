#!/bin/sh
# scale.bench.sh DECARB — the scale-out rows of `make bench` (issue "scale
# out"): (1) CPU time per measure of `decarb check` on one plan of N =
# 1,000 ... 100,000 measures, and the growth exponent between N = 1,000 and
# 100,000 (1.0: linear; the O(N^2) name scan gave about 2); (2) 1,000 plan
# files with --jobs 2 against --jobs 1 (wall time per file; ratio < 1 is
# faster), and the peak RSS of the parent and of one worker (KiB).
# Prints ROW<TAB>IMPLEMENTATION<TAB>VALUE.
DECARB=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BENCH_NAME=scale.bench; . "$here/lib.sh"
[ -x /usr/bin/time ] || { echo "scale.bench: /usr/bin/time missing (make deps)" >&2; exit 1; }

cat > "$tmp/big.lua" <<'LUA'
local n = param("n", 1000)
local p = plan{ "Big", years = {2020, 2030} }
p:sector{ "buildings", emissions = "1e9 tCO2e/yr" }
for i = 1, n do p:measure{ "m" .. i, sector = "buildings", abates = "1 tCO2e/yr", year = 2021 } end
p:target{ "t", at_most = "1e9 tCO2e/yr", by = 2030 }
LUA
# cpu_per_measure N : user + system CPU ns per measure of one check (tap: a
# small report, so that the plan's own cost is measured)
cpu_per_measure() {
  /usr/bin/time -f '%U %S' "$DECARB" check --timeout 600 --format tap --set n="$1" "$tmp/big.lua" 2>&1 > /dev/null |
    tail -n 1 | awk -v n="$1" '{ printf "%.0f\n", ($1 + $2) * 1e9 / n }'
}
for n in 1000 10000 100000; do
  bench "check, CPU ns per measure" "decarb, N=$n" cpu_per_measure $n
done > "$tmp/measures"
cat "$tmp/measures"
# the exponent k of time ~ N^k from N = 1,000 to 100,000 (x1000 in the table)
awk -F '\t' '$2 == "decarb, N=1000" { a = $3 } $2 == "decarb, N=100000" { b = $3 }
  END { if (a > 0 && b > 0) printf "check, growth exponent x1000, N=1k..100k\tdecarb\t%.0f\n", 1000 * (1 + log(b / a) / log(100)) }' \
  "$tmp/measures"

mkdir -p "$tmp/plans"
i=1; while [ $i -le 1000 ]; do cp "$root/examples/zhangye.lua" "$tmp/plans/z$i.lua"; i=$((i + 1)); done
files=$(i=1; while [ $i -le 1000 ]; do printf '%s ' "$tmp/plans/z$i.lua"; i=$((i + 1)); done)
# per_file JOBS : wall ns per file over the 1,000 files
per_file() {
  t0=$(date +%s%N); "$DECARB" check --jobs "$1" --format jsonl $files > /dev/null; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000 ))
}
bench "1,000 files, wall ns per file" decarb per_file 1
bench "1,000 files, wall ns per file" "decarb --jobs 2" per_file 2
# peak RSS: the parent's VmHWM read from /proc while it runs, and the
# largest worker's (a worker is a fork of the parent that checks one file)
rss_of() { sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null; }
rss() { # WHICH: parent or worker
  "$DECARB" check --jobs 2 --format jsonl $files > /dev/null & pid=$!
  top=0
  while kill -0 $pid 2>/dev/null; do
    if [ "$1" = parent ]; then v=$(rss_of $pid)
    else v=0; for c in $(cat /proc/$pid/task/*/children 2>/dev/null); do w=$(rss_of "$c"); [ "${w:-0}" -gt "$v" ] && v=$w; done; fi
    [ "${v:-0}" -gt "$top" ] && top=$v
    sleep 0.01
  done
  wait $pid
  echo "$top"
}
bench "1,000 files --jobs 2, peak RSS KiB" "parent" rss parent
bench "1,000 files --jobs 2, peak RSS KiB" "largest worker" rss worker
