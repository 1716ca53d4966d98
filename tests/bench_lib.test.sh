#!/bin/sh
# bench_lib.test.sh — bench/lib.sh, the helpers every bench/*.bench.sh
# sources: median() and bench() give the documented numbers and lines, and
# no bench script keeps its own copy of them. Runs no benchmark.
fail() { echo "FAIL: $*"; exit 1; }
for f in bench/*.bench.sh; do
  grep -q '^BENCH_NAME=.*\. "$here/lib.sh"' "$f" || fail "$f does not source bench/lib.sh"
  grep -Eq '^(median|bench|have)\(\)' "$f" && fail "$f defines its own helpers"
done
err=$(mktemp); trap 'rm -f "$err"' EXIT
out=$(BENCH_REPEAT=3 sh -c '
  BENCH_NAME=t; . bench/lib.sh
  [ "$(printf "3\n1\n2\n" | median)" = 2 ] || { echo "median odd"; exit 1; }
  [ "$(printf "4\n1\n3\n2\n" | median)" = 2.50 ] || { echo "median even"; exit 1; }
  printf "" | median && { echo "median of nothing"; exit 1; }
  [ -d "$tmp" ] || { echo "no scratch folder"; exit 1; }
  n=0; count() { n=$((n + 1)); echo $((n * 10)); }
  bench "row" "impl" count
  bench "row" "broken" false' 2> "$err") || fail "helpers: $out"
[ "$out" = "$(printf 'row\timpl\t20')" ] || fail "bench line: '$out'"
grep -q "^t: broken on row failed" "$err" || fail "failure message: $(cat "$err")"
echo "bench lib ok"
