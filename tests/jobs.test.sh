#!/bin/sh
# jobs.test.sh — `decarb check --jobs N`: the report, the messages and the
# exit code are those of --jobs 1 for every example in every format; files
# come back in the order given even when a later one finishes first; a
# worker that crashes or reaches a limit is reported for its file; a Monte
# Carlo runs in the workers with the same report; bad
# --jobs and --shard values are refused with exit 2.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
formats="text json jsonl csv csv-targets tap junit github html"

# same() OPTS... FILES: --jobs 2 (and 3) against --jobs 1, every format
same() {
  for f in $formats; do
    "$DECARB" check --format "$f" "$@" > "$t/1.out" 2> "$t/1.err"; c1=$?
    for j in 2 3; do
      "$DECARB" check --jobs $j --format "$f" "$@" > "$t/j.out" 2> "$t/j.err"; cj=$?
      [ "$c1" = "$cj" ] || fail "--jobs $j --format $f $*: exit $cj, --jobs 1 exits $c1"
      cmp -s "$t/1.out" "$t/j.out" || { diff "$t/1.out" "$t/j.out" | head; fail "--jobs $j --format $f $*: report differs"; }
      cmp -s "$t/1.err" "$t/j.err" || { diff "$t/1.err" "$t/j.err" | head; fail "--jobs $j --format $f $*: stderr differs"; }
    done
  done
}
ok_golden="tests/golden/check_csv.lua tests/golden/check_json.lua tests/golden/check_junit.lua
  tests/golden/check_multi.lua tests/golden/check_output.lua tests/golden/check_print.lua
  tests/golden/check_scenario.lua tests/golden/check_tap.lua tests/golden/check_text.lua
  tests/golden/check_warning.lua tests/golden/check_years.lua"
# shellcheck disable=SC2086
same examples/*.lua examples/intro/first_plan.lua $ok_golden
# shellcheck disable=SC2086
same --years 2025:2030 examples/*.lua
# a run that stops at a file (a runtime error, a syntax error): the same
# files' messages, then the stop, as in one process
same examples/guian.lua tests/golden/check_fn.lua examples/zhangye.lua
same tests/golden/check_print.lua tests/golden/check_syntax.lua examples/zhangye.lua
same examples/zhangye.lua tests/golden/check_noplan.lua

# a Monte Carlo over many files runs in the workers too (every format; the
# jsonl lines carry the raw samples, the others the statistics)
same --samples 300 --seed 5 tests/golden/mc_closed.lua examples/guian.lua tests/golden/mc_closed.lua
same --samples 40:90 --seed 9 --fail-below 0.5 tests/golden/mc_closed.lua tests/golden/mc_closed.lua

# order: the first file is slow, the second quick; messages and plans stay in order
cat > "$t/slow.lua" <<'LUA'
local x = 0 for i = 1, 3e7 do x = x + i end
print("slow done")
local p = plan{ "Slow", years = {2020, 2021} }
LUA
cat > "$t/quick.lua" <<'LUA'
print("quick done")
local p = plan{ "Quick", years = {2020, 2021} }
LUA
"$DECARB" check --jobs 2 --format jsonl "$t/slow.lua" "$t/quick.lua" > "$t/o" 2> "$t/e" || fail "slow/quick exit $?"
[ "$(cat "$t/e")" = "slow done
quick done" ] || fail "stderr out of order: $(cat "$t/e")"
[ "$(sed -n 's/.*"name": "\([A-Za-z]*\)","region".*/\1/p' "$t/o" | tr '\n' ' ')" = "Slow Quick " ] || fail "plans out of order: $(cat "$t/o")"

# a memory limit among good files: exit 5 and the message, as with --jobs 1
cat > "$t/mem.lua" <<'LUA'
local t = {} for i = 1, 1e9 do t[i] = { i } end
LUA
same --max-mem 16M examples/guian.lua "$t/mem.lua" examples/zhangye.lua
"$DECARB" check --jobs 2 --max-mem 16M examples/guian.lua "$t/mem.lua" > /dev/null 2> "$t/e"; c=$?
[ "$c" = 5 ] || fail "memory limit in a worker: exit $c"
grep -q "memory limit" "$t/e" || fail "memory limit message: $(cat "$t/e")"

# a worker killed by a signal: the parent reports the file, exit 4, and the
# files before it are reported as usual (here in the streaming jsonl)
cat > "$t/crash.lua" <<'LUA'
print("about to crash")
os.execute("kill -SEGV $PPID")
LUA
# (under AddressSanitizer, the signal reaches the worker rather than ASan's report)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:handle_segv=0" \
  "$DECARB" check --unsafe --jobs 2 --format jsonl examples/guian.lua "$t/crash.lua" examples/zhangye.lua \
  > "$t/o" 2> "$t/e"; c=$?
[ "$c" = 4 ] || fail "crashed worker: exit $c"
grep -q "crash.lua: the worker process was killed by signal 11" "$t/e" || fail "crash message: $(cat "$t/e")"
[ "$(head -n 1 "$t/e")" = "about to crash" ] || fail "the crashed file's own output first: $(cat "$t/e")"
[ "$(wc -l < "$t/o")" = 1 ] && grep -q '"file": "examples/guian.lua"' "$t/o" || fail "the file before the crash: $(cat "$t/o")"
# --output: no report file is left when a worker crashes
ASAN_OPTIONS="${ASAN_OPTIONS:-}:handle_segv=0" \
  "$DECARB" check --unsafe --jobs 2 --output "$t/r.txt" examples/guian.lua "$t/crash.lua" 2> /dev/null
[ ! -e "$t/r.txt" ] || fail "a report file was left after a crash"
ls "$t" | grep -q tmp && fail "a temporary report file was left: $(ls "$t")"
# and a whole report through --output, as with --jobs 1
"$DECARB" check --jobs 2 --format json --output "$t/r2.json" examples/*.lua; c=$?
"$DECARB" check --format json examples/*.lua > "$t/r1.json"
[ "$c" = 1 ] && cmp -s "$t/r1.json" "$t/r2.json" || fail "--output with --jobs 2"

# --jobs 0: one worker per CPU; the same report
"$DECARB" check --jobs 0 examples/*.lua > "$t/o"; [ $? = 1 ] || fail "--jobs 0 exit"
"$DECARB" check examples/*.lua | cmp -s - "$t/o" || fail "--jobs 0 report"

# bad values: exit 2 with a message that says what is right
for bad in "--jobs -1" "--jobs x" "--jobs 1.5" "--jobs=" "--shard 0/3" "--shard 4/3" "--shard 1/0" \
           "--shard 2" "--shard a/b" "--shard 1/3x"; do
  # shellcheck disable=SC2086
  "$DECARB" check $bad examples/guian.lua > "$t/o" 2> "$t/e"; c=$?
  [ "$c" = 2 ] || fail "$bad: exit $c"
  grep -Eq "jobs wants|shard wants" "$t/e" || fail "$bad: message $(cat "$t/e")"
  [ -s "$t/o" ] && fail "$bad: wrote a report"
done
"$DECARB" check --jobs examples/guian.lua > /dev/null 2>&1; [ $? = 2 ] || fail "--jobs without a number"
echo "jobs: ok"
