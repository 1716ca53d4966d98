#!/bin/sh
# bench_build.test.sh — every bench/*.bench.sh builds its C drivers against
# the library as it is now (BENCH_BUILD_ONLY: bench/lib.sh's bench() then
# times nothing), so a driver that no longer compiles or links fails here
# and not in the next `make bench`.
fail() { echo "FAIL: $*"; exit 1; }
err=$(mktemp); trap 'rm -f "$err"' EXIT
for f in bench/*.bench.sh; do
  BENCH_BUILD_ONLY=1 sh "$f" ./decarb > /dev/null 2> "$err" || fail "$f: exit $?: $(head -n 5 "$err")"
  grep -E 'error|undefined reference' "$err" && fail "$f: the build says so"
done
exit 0
