#!/bin/sh
# run_all.sh DECARB UNIT_BIN... — the whole suite: cmocka binaries, then the
# golden, sandbox and REPL scripts. Prints cmocka's own summary lines, then
# one closing line "N passed, M failed"; exits non-zero on any failure.
decarb=$1; shift
pass=0; fail=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  printf '%s\n' "$out" | grep -E '^\[  (PASSED|FAILED|  OK  )|^\[==========\]|^\[  ERROR' | grep -vE '^\[       OK \]' 
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -n 1)
  pass=$((pass + ${p:-0})); fail=$((fail + ${f:-0}))
  if [ "$rc" -ne 0 ] && [ -z "$f" ]; then
    printf '%s\n' "$out" | tail -n 20
    echo "not ok - $t exited $rc"; fail=$((fail + 1))
  elif [ "$rc" -ne 0 ]; then
    printf '%s\n' "$out" | grep -E '^\[  (FAILED|ERROR)|Failure|error' | head -n 40
  fi
done
res=$(sh tests/run_golden.sh "$decarb"); rc=$?
printf '%s\n' "$res" | grep -v '^# counts '
counts=$(printf '%s\n' "$res" | sed -n 's/^# counts \([0-9]*\) \([0-9]*\)$/\1 \2/p')
gp=${counts% *}; gf=${counts#* }
pass=$((pass + ${gp:-0})); fail=$((fail + ${gf:-0}))
[ -n "$counts" ] || { echo "not ok - golden runner died ($rc)"; fail=$((fail + 1)); }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
