# lib.sh — helpers shared by every bench/*.bench.sh (sourced, not run):
# a scratch folder $tmp (removed on exit), median() and bench(), which runs a
# command REPEAT times and prints one ROW<TAB>IMPLEMENTATION<TAB>NS_PER_OP
# line with the median. The sourcing script sets BENCH_NAME for messages.
REPEAT=${BENCH_REPEAT:-5}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# median < NUMBERS : the median of one number a line (fails on no input)
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench ROW IMPL CMD... : REPEAT runs of CMD (each prints ns/op), one line out;
# a failing CMD is reported on stderr and its line left out. With
# BENCH_BUILD_ONLY set nothing runs: a script then only builds its drivers
# (tests/bench_build.test.sh, so that a driver that no longer links is seen
# in make test)
bench() {
  [ -n "${BENCH_BUILD_ONLY:-}" ] && return 0
  row=$1; impl=$2; shift 2
  i=0; : > "$tmp/runs"
  while [ "$i" -lt "$REPEAT" ]; do
    "$@" >> "$tmp/runs" 2> "$tmp/err" || { echo "${BENCH_NAME:-bench}: $impl on $row failed: $(head -n 3 "$tmp/err")" >&2; return 0; }
    i=$((i + 1))
  done
  m=$(median < "$tmp/runs") && printf '%s\t%s\t%s\n' "$row" "$impl" "$m"
}

# have CMD : CMD is on PATH
have() { command -v "$1" > /dev/null 2>&1; }
