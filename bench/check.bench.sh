#!/bin/sh
# check.bench.sh DECARB — the check rows of `make bench` (issue "results as
# data"): time per file and peak RSS of `decarb check` over 1, 100 and 1,000
# copies of examples/zhangye.lua, text against jsonl; and the report
# writers alone on a plan of 10,000 measures, JSON and jsonl against text.
# Prints ROW<TAB>IMPLEMENTATION<TAB>VALUE; RSS rows give KiB, not ns.
DECARB=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BENCH_NAME=check.bench; . "$here/lib.sh"
[ -x /usr/bin/time ] || { echo "check.bench: /usr/bin/time missing (make deps)" >&2; exit 1; }

mkdir -p "$tmp/plans"
i=1; while [ $i -le 1000 ]; do cp "$root/examples/zhangye.lua" "$tmp/plans/z$i.lua"; i=$((i + 1)); done
# check_run FMT N : ns per file of one run
check_run() {
  files=$(i=1; while [ $i -le "$2" ]; do printf '%s ' "$tmp/plans/z$i.lua"; i=$((i + 1)); done)
  t0=$(date +%s%N); "$DECARB" check --format "$1" $files > /dev/null; t1=$(date +%s%N)
  echo $(( (t1 - t0) / $2 ))
}
for n in 1 100 1000; do
  bench "check, ns per file, $n files" decarb check_run text $n
  bench "check, ns per file, $n files" "jsonl" check_run jsonl $n
done
# check_rss FMT N : peak RSS in KiB
check_rss() {
  files=$(i=1; while [ $i -le "$2" ]; do printf '%s ' "$tmp/plans/z$i.lua"; i=$((i + 1)); done)
  /usr/bin/time -f %M "$DECARB" check --format "$1" $files 2>&1 > /dev/null | tail -n 1
}
for n in 1 100 1000; do
  bench "check, peak RSS KiB, $n files" decarb check_rss text $n
  bench "check, peak RSS KiB, $n files" "jsonl" check_rss jsonl $n
done

# the writers alone: link the core and the report objects as built by make
objs=$(ls "$root"/build/obj/stdlib/*.o "$root"/build/obj/vm/report/*.o 2>/dev/null)
[ -n "$objs" ] || { echo "check.bench: build/obj missing (run make)" >&2; exit 1; }
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" -I"$root/vm/report" -I"$root/build/gen" \
  "$here/report_driver.c" $objs $(pkg-config --libs lua5.4 jansson) -lm -o "$tmp/rdriver" || exit 1
row="write report, 10,000 measures"
bench "$row" "decarb" "$tmp/rdriver" text 20 10000
bench "$row" "json" "$tmp/rdriver" json 20 10000
bench "$row" "jsonl" "$tmp/rdriver" jsonl 20 10000
