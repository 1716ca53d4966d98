#!/bin/sh
# run.sh DECARB — `make bench`: runs every bench/*.bench.sh in one go and
# prints one table: each row's implementations, their median ns per
# operation, and the ratio to decarb's own figure in that row (measured in
# this same run). Timings are never asserted: this only reports.
DECARB=${1:-./decarb}
case $DECARB in /*) ;; *) DECARB=$(pwd)/$DECARB ;; esac
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ -x "$DECARB" ] || { echo "bench: $DECARB is not built (make decarb)" >&2; exit 2; }

for f in "$here"/*.bench.sh; do
  [ -f "$f" ] || continue
  echo "bench: $(basename "$f")" >&2
  sh "$f" "$DECARB" >> "$tmp/rows" || echo "bench: $(basename "$f") exited $?" >&2
done
[ -s "$tmp/rows" ] || { echo "bench: no rows" >&2; exit 1; }

echo "decarb benchmarks — $(uname -m), $(nproc 2>/dev/null || echo '?') cores, $(date -u +%Y-%m-%d)"
echo "median ns per operation; 'x decarb' = this implementation's time / decarb's"
echo "(> 1: slower than decarb; < 1: faster)"
echo
awk -F '\t' '
  { row[NR] = $1; impl[NR] = $2; ns[NR] = $3; if ($2 == "decarb") ref[$1] = $3 }
  END {
    printf "%-32s %-26s %12s %12s\n", "row", "implementation", "ns/op", "x decarb"
    last = ""
    for (i = 1; i <= NR; i++) {
      r = (row[i] == last) ? "" : row[i]
      if (r != "" && i > 1) printf "\n"
      last = row[i]
      ratio = (ref[row[i]] > 0) ? sprintf("%.3g", ns[i] / ref[row[i]]) : "-"
      printf "%-32s %-26s %12.1f %12s\n", r, impl[i], ns[i], ratio
    }
  }' "$tmp/rows"
