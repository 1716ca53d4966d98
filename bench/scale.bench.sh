#!/bin/sh
# scale.bench.sh DECARB — the scale-out rows of `make bench` (issue "scale
# out"): (1) CPU time per measure of `decarb check` on one plan of N =
# 1,000 ... 100,000 measures, and the growth exponent between N = 1,000 and
# 100,000 (1.0: linear; the O(N^2) name scan gave about 2); (2) 1,000 plan
# files with --jobs 2 against --jobs 1 (wall and CPU time per file, the
# speed-up, plans per second per core, the load average), and the peak RSS
# of the parent and of one worker (KiB); --jobs 1 and 2 run in turn, so the
# ratios come from one run.
# Prints ROW<TAB>IMPLEMENTATION<TAB>VALUE.
DECARB=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BENCH_NAME=scale.bench; . "$here/lib.sh"
[ -n "${BENCH_BUILD_ONLY:-}" ] && exit 0 # no driver to build
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
# --jobs 1 and --jobs 2 run in turn (REPEAT times each, so that a change of
# the machine's load hits both alike): wall and CPU (user + system, the
# workers included) ns per file, the speed-up (x1000) and the load average
# around the runs. FORMAT: jsonl (the workers write the report) or text
# (the parent writes it whole from the results sent back).
runs() { # FORMAT
  : > "$tmp/runs.$1"
  i=0
  while [ "$i" -lt "$REPEAT" ]; do
    for j in 1 2; do
      /usr/bin/time -f "$j %e %U %S" -o "$tmp/t" "$DECARB" check --jobs $j --format "$1" $files > /dev/null
      cat "$tmp/t" >> "$tmp/runs.$1"
    done
    i=$((i + 1))
  done
}
col() { awk -v j="$2" -v c="$3" '$1 == j { if (c == "cpu") print ($3 + $4) * 1e6; else print $2 * 1e6 }' "$tmp/runs.$1" | median; }
for fmt in jsonl text; do
  l0=$(cut -d ' ' -f 1 /proc/loadavg)
  runs $fmt
  l1=$(cut -d ' ' -f 1 /proc/loadavg)
  w1=$(col $fmt 1 wall); w2=$(col $fmt 2 wall); c1=$(col $fmt 1 cpu); c2=$(col $fmt 2 cpu)
  printf '1,000 files %s, wall ns per file\tdecarb\t%s\n' $fmt "$w1"
  printf '1,000 files %s, wall ns per file\tdecarb --jobs 2\t%s\n' $fmt "$w2"
  printf '1,000 files %s, CPU ns per file\tdecarb\t%s\n' $fmt "$c1"
  printf '1,000 files %s, CPU ns per file\tdecarb --jobs 2\t%s\n' $fmt "$c2"
  awk -v a="$w1" -v b="$w2" -v f=$fmt 'BEGIN { printf "1,000 files %s, --jobs 2 speed-up x1000\tdecarb --jobs 2\t%.0f\n", f, 1000 * a / b }'
  awk -v a="$c1" -v f=$fmt 'BEGIN { printf "1,000 files %s, plans/s per core\tdecarb\t%.0f\n", f, 1e9 / a }'
  awk -v a="$c2" -v f=$fmt 'BEGIN { printf "1,000 files %s, plans/s per core\tdecarb --jobs 2\t%.0f\n", f, 1e9 / a }'
  awk -v a="$l0" -v b="$l1" -v f=$fmt 'BEGIN { printf "1,000 files %s, load average x1000 (before, after)\tmachine\t%.0f %.0f\n", f, 1000 * a, 1000 * b }'
done
# The same split counted in instructions (callgrind, which the machine's
# load does not change): 200 files with --jobs 1, and with --jobs 2 the
# parent's and the busier worker's; the speed-up two free cores give is at
# most --jobs 1's count over the larger of those two (the critical path).
if have valgrind; then
  few=$(i=1; while [ $i -le 200 ]; do printf '%s ' "$tmp/plans/z$i.lua"; i=$((i + 1)); done)
  for fmt in jsonl text; do
    for j in 1 2; do
      rm -f "$tmp"/cgo.*
      # shellcheck disable=SC2086
      valgrind --tool=callgrind --trace-children=yes --callgrind-out-file="$tmp/cgo.%p" \
        "$DECARB" check --jobs $j --format $fmt $few > /dev/null 2> /dev/null
      # the parent is the first process (the smallest pid)
      for f in $(ls "$tmp" | sed -n 's/^cgo\.//p' | sort -n); do sed -n 's/^summary: //p' "$tmp/cgo.$f"; done > "$tmp/cg.$j"
    done
    awk -v f=$fmt 'FNR == 1 { file++ } file == 1 { one = $1 } file == 2 && FNR == 1 { par = $1 }
      file == 2 && FNR > 1 && $1 > w { w = $1 }
      END { printf "200 files %s, instructions per file\tdecarb\t%.0f\n", f, one / 200
            printf "200 files %s, instructions per file\tdecarb --jobs 2, parent\t%.0f\n", f, par / 200
            printf "200 files %s, instructions per file\tdecarb --jobs 2, busier worker\t%.0f\n", f, w / 200
            m = par > w ? par : w
            printf "200 files %s, --jobs 2 critical-path speed-up x1000\tdecarb --jobs 2\t%.0f\n", f, 1000 * one / m }' \
      "$tmp/cg.1" "$tmp/cg.2"
  done
fi
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
