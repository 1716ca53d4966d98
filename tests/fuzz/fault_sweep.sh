#!/bin/sh
# fault_sweep.sh FAULT_DECARB — allocation fault injection over real runs:
# `decarb check --output` on each example, a script run, and a piped REPL
# session. For each run the number N of allocations is counted, then the
# k-th allocation is made to fail (DECARB_FAIL_ALLOC=k, see fault_alloc.c)
# for k = 1..N (FAULT_SAMPLE=0) or for FAULT_SAMPLE values of k spread evenly
# over 1..N (default 12 per run). Each faulted run must:
#   - not crash (exit code below 128, or 130), with no sanitizer report;
#   - either end as the fault-free run did (same exit code, same output),
#   - or end with exit 5 (out of memory) or 2 (I/O), with a message;
#   - never leave a partial --output file nor a temporary file behind (a
#     whole one may stay when the limit is reached while closing the state).
# Prints "fault: swept K allocations of T in R runs"; exit 1 on any failure.
# FAULT_BUDGET (seconds, default 0 = none) stops a sampled sweep early.
# Known and not yet closed (reported in issue 10; in stdlib/plan*.c and
# vm/cmd_check.c, which this sweep's author does not own). With
# FAULT_KNOWN=1 (the sample in make test) they are counted as "known" and
# do not fail the sweep; `make fault` and `make fuzz` are strict:
#   a. the plan engine allocates with plain malloc and reports a failure as
#      a runtime error "out of memory" (exit 4), not the memory limit (5);
#   b. `decarb check` ends with exit 2 and no message when its own first
#      allocations (the file list) fail;
#   c. a failed copy of a string in the plan engine is not checked: the
#      report says "(null)" for a target's name, or drops a source note,
#      with the exit code of the run without fault;
#   d. LeakSanitizer: a plan's half-built entry leaks when a copy fails.
bin=${1:?usage: fault_sweep.sh FAULT_DECARB}
cd "$(dirname "$0")/../.." || exit 2
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
sample=${FAULT_SAMPLE:-12}
budget=${FAULT_BUDGET:-0}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0; export ASAN_OPTIONS
LSAN_OPTIONS=exitcode=87; export LSAN_OPTIONS
UBSAN_OPTIONS=print_stacktrace=1:exitcode=88; export UBSAN_OPTIONS
known_ok=${FAULT_KNOWN:-0}
start=$(date +%s); swept=0; total=0; runs=0; bad=0; known=0

# run NAME K CMD... : one run with the K-th allocation failing (0: none);
# leaves rc, $t/o (stdout), $t/e (stderr), $t/w/report (the --output file)
run() {
  k=$1; shift
  rm -rf "$t/w"; mkdir "$t/w"
  if [ "$repl" = 1 ]; then
    DECARB_FAIL_ALLOC=$k DECARB_ALLOC_COUNT=$t/count HOME=$t DECARB_HISTORY=$t/hist \
      timeout 60 "$bin" "$@" < tests/fuzz/fault_session.in > "$t/o" 2> "$t/e"
  else
    DECARB_FAIL_ALLOC=$k DECARB_ALLOC_COUNT=$t/count timeout 60 "$bin" "$@" > "$t/o" 2> "$t/e" < /dev/null
  fi
  rc=$?
}

known() { # WHY: a known case (see the header), or a failure when strict
  if [ "$known_ok" = 1 ]; then
    known=$((known + 1))
    [ "$known" -le 5 ] && echo "# known ($1): allocation $k of $name: exit $rc, $(head -n 1 "$t/e")"
    return 0
  fi
  fail "$1 (known: see fault_sweep.sh)"
}

fail() {
  bad=$((bad + 1))
  echo "not ok - fault at allocation $k of $name: $1"
  sed 's/^/#   /' "$t/e" | head -n 12
}

sweep() { # NAME ARGS...
  name=$1; shift
  rm -f "$t/count"
  run 0 "$@"
  rc0=$rc; n=$(cat "$t/count" 2>/dev/null || echo 0)
  cp "$t/o" "$t/o0"; rm -f "$t/r0"; [ -f "$t/w/report" ] && cp "$t/w/report" "$t/r0"
  [ "$n" -gt 0 ] || { k=0; fail "counted no allocations (exit $rc0)"; return; }
  total=$((total + n))
  if [ "$sample" -eq 0 ] || [ "$sample" -ge "$n" ]; then step=1; else step=$(( (n + sample - 1) / sample )); fi
  k=$(( (n % step) / 2 + 1 ))
  while [ "$k" -le "$n" ]; do
    if [ "$budget" -gt 0 ] && [ $(( $(date +%s) - start )) -ge "$budget" ]; then return; fi
    run "$k" "$@"
    runs=$((runs + 1)); swept=$((swept + 1))
    if [ "$rc" -ge 128 ] && [ "$rc" -ne 130 ]; then fail "crashed (exit $rc)"
    elif grep -q 'LeakSanitizer' "$t/e" && ! grep -q 'ERROR: AddressSanitizer\|runtime error:' "$t/e" &&
         [ "$(grep '#[0-9]* .* in [A-Za-z0-9_]* [a-z]*/' "$t/e" | grep -v 'fault_alloc' | head -n 1 |
              grep -c 'stdlib/plan')" = 1 ]; then known "d. leak in the plan engine"
    elif [ "$rc" -ge 86 ] && [ "$rc" -le 88 ] || grep -q 'Sanitizer\|runtime error:' "$t/e"; then fail "sanitizer report (exit $rc)"
    elif [ "$rc" = "$rc0" ]; then
      if ! cmp -s "$t/o" "$t/o0" || { [ -f "$t/r0" ] && ! cmp -s "$t/w/report" "$t/r0"; }; then
        # the REPL reports a line that ran out of memory and goes on: later
        # lines then see less (a global never set)
        if [ "$repl" = 1 ] && grep -q 'out of memory\|memory limit of' "$t/e"; then :
        else known "c. the same exit code, another report"; fi
      fi
    elif [ "$rc" = 4 ] && grep -q 'out of memory\|not enough memory' "$t/e"; then known "a. exit 4 out of memory"
    elif [ "$rc" = 2 ] && [ ! -s "$t/e" ] && [ "$repl" != 1 ]; then known "b. exit 2 without a message"
    else
      case $rc in 2|5) ;; *) fail "exit $rc (expected $rc0, or 5 or 2 with a message)";; esac
      [ -s "$t/e" ] || fail "exit $rc without a message"
      # a report may be there only whole (a limit reached while closing the
      # state, after the report was written)
      if [ -f "$t/w/report" ] && ! { [ -f "$t/r0" ] && cmp -s "$t/w/report" "$t/r0"; }; then
        fail "left a partial report (exit $rc)"
      fi
    fi
    left=$(ls -A "$t/w" | grep -v '^report$')
    [ -z "$left" ] || fail "left files behind: $left"
    k=$((k + step))
  done
}

repl=0
# the system refusing memory below --max-mem is named as such, exit 5
name="a table-filling chunk"; k=5000
run 5000 -e 'local t = {} for i = 1, 1e5 do t[i] = {} end'
[ "$rc" = 5 ] && grep -q '^out of memory: the system refused memory below the limit of 1 GiB' "$t/e" ||
  fail "exit $rc, not 5 with the system's out-of-memory message"
for e in examples/*.lua; do
  sweep "check $e" check --max-mem 256M --output "$t/w/report" "$e"
done
sweep "decarb examples/intro/first_plan.lua" --max-mem 256M examples/intro/first_plan.lua
repl=1
sweep "REPL session (tests/fuzz/fault_session.in)" -i --max-mem 256M
echo "fault: swept $swept allocations of $total in $runs runs, $bad failures, $known known"
[ "$bad" -eq 0 ]
