#!/bin/sh
# mc_fault.test.sh — p:montecarlo when an allocation fails while it runs or
# builds its result table: the fault build (build/decarb-fault, see
# tests/fuzz/fault_alloc.c) with its k-th allocation failing, for k spread
# over the allocations the Monte Carlo makes, in a REPL session that goes on
# after the error and collects the garbage, under valgrind (in make asan:
# LeakSanitizer). Each session must report the memory limit (exit 5; a
# failed copy of the run's own arrays was once a runtime error, exit 4) or
# end as without the fault, and lose no memory (the run and its buffers
# belong to a userdata with a finalizer while the table is built).
cd "$(dirname "$0")/.." || exit 2
dir=$(dirname "${DECARB:-./decarb}")
bin=build/decarb-fault; vg="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99"
case $dir in */build-asan) bin=build-asan/decarb-fault; vg="";; esac
[ -x "$bin" ] || { echo "mc_fault: $bin is missing (make test builds it)"; exit 1; }
ASAN_OPTIONS=detect_leaks=1:exitcode=99; export ASAN_OPTIONS
LSAN_OPTIONS=exitcode=99; export LSAN_OPTIONS
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
cat > "$t/plan.in" << 'EOF'
p = plan{ "mc", years = {2020, 2030} }
p:sector{ "power", emissions = "1000 tCO2e/yr" }
p:sector{ "heat", emissions = "400 tCO2e/yr" }
for i = 1, 6 do p:measure{ "m" .. i, sector = i % 2 == 0 and "power" or "heat", abates = uncertain{ "40 tCO2e/yr", low = "10 tCO2e/yr", high = "90 tCO2e/yr" }, start = 2020 + i } end
p:target{ "at most", at_most = "1200 tCO2e/yr", by = 2028, every_year_after = true }
p:target{ "power", metric = "power", at_most = "900 tCO2e/yr", by = 2030 }
EOF
{ cat "$t/plan.in"; echo 'r = nil'; echo 'collectgarbage()'; echo 'print("done")'; } > "$t/a.in"
{ cat "$t/plan.in"; echo 'r = p:montecarlo{ n = 64, seed = 3 }'; echo 'r = nil'; echo 'collectgarbage()'
  echo 'print("done")'; } > "$t/b.in"
session() { # IN [ENV...]: the REPL on IN
  in=$1; shift
  env HOME="$t" DECARB_HISTORY="$t/hist" "$@" $vg "$bin" -i < "$in" > "$t/o" 2> "$t/e"
}
count() { rm -f "$t/count"; vg="" session "$1" DECARB_ALLOC_COUNT="$t/count"; cat "$t/count"; }
a=$(count "$t/a.in"); b=$(count "$t/b.in")
[ "$b" -gt "$a" ] || { echo "not ok - the Monte Carlo made no allocation ($a, $b)"; exit 1; }
step=$(( (b - a) / 8 + 1 )); k=$((a + 1)); bad=0; runs=0
while [ "$k" -le "$b" ]; do
  session "$t/b.in" DECARB_FAIL_ALLOC=$k; rc=$?
  runs=$((runs + 1))
  if [ "$rc" = 99 ] || { [ "$rc" != 0 ] && [ "$rc" != 5 ]; } || ! grep -q '^done' "$t/o"; then
    echo "not ok - allocation $k of $b failing: exit $rc"; head -n 20 "$t/e"; bad=$((bad + 1))
  fi
  k=$((k + step))
done
[ "$bad" = 0 ] && echo "ok - p:montecarlo with one of allocations $((a + 1))..$b failing ($runs REPL sessions): nothing lost"
exit $([ "$bad" = 0 ] && echo 0 || echo 1)
