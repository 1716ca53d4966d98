#!/bin/sh
# html.bench.sh DECARB — the HTML report's rows of `make bench` (issue 12):
# writing the HTML report (charts included) of the largest bench plan (one
# evaluated plan of 10,000 measures, bench/report_driver.c) against writing
# its text report, in one run; and the size in bytes of the HTML report of
# each example against its text report. Size rows give bytes, not ns.
DECARB=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BENCH_NAME=html.bench; . "$here/lib.sh"

objs=$(ls "$root"/build/obj/stdlib/*.o "$root"/build/obj/vm/report/*.o 2>/dev/null)
[ -n "$objs" ] || { echo "html.bench: build/obj missing (run make)" >&2; exit 1; }
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$root/stdlib" -I"$root/vm/report" -I"$root/build/gen" \
  "$here/report_driver.c" $objs $(pkg-config --libs lua5.4 jansson) -lm -o "$tmp/rdriver" || exit 1
row="write text vs html, 10,000 measures"
bench "$row" "decarb" "$tmp/rdriver" text 20 10000
bench "$row" "html" "$tmp/rdriver" html 20 10000

# size FMT FILE : bytes of the report
size() { "$DECARB" check --format "$1" "$2" 2> /dev/null | wc -c | tr -d ' '; }
for f in "$root"/examples/*.lua; do
  b=$(basename "$f" .lua)
  REPEAT=1 bench "report bytes, $b" "decarb" size html "$f"
  REPEAT=1 bench "report bytes, $b" "text" size text "$f"
done
