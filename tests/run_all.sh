#!/bin/sh
# run_all.sh DECARB UNIT_BIN... — the whole suite: cmocka binaries, then the
# golden, sandbox and REPL scripts, and the busted specs of tests/lua/
# (with the module decarb.so found beside DECARB). Prints cmocka's own summary lines, then
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
# the busted specs of tests/lua/, in stock lua5.4 with the decarb.so built
# beside DECARB (an ASan build's module needs the sanitizer runtime first)
so_dir=$(cd "$(dirname "$decarb")" && pwd)
if ! command -v lua5.4 >/dev/null || [ ! -f /usr/bin/busted ]; then
  echo "not ok - tests/lua: lua5.4 and busted (Debian lua-busted) are needed"; fail=$((fail + 1))
elif [ ! -f "$so_dir/decarb.so" ]; then
  echo "not ok - tests/lua: no $so_dir/decarb.so (make builds it)"; fail=$((fail + 1))
else
  pre=""
  if nm -D "$so_dir/decarb.so" 2>/dev/null | grep -q __asan_init; then
    pre="$(${CC:-gcc} -print-file-name=libasan.so) $(${CC:-gcc} -print-file-name=libubsan.so)"
  fi
  res=$(LD_PRELOAD="$pre" ASAN_OPTIONS=detect_leaks=0 LUA_CPATH="$so_dir/?.so;;" DECARB="$decarb" \
        timeout 300 lua5.4 /usr/bin/busted -o TAP --pattern=_spec tests/lua 2>&1); rc=$?
  printf '%s\n' "$res" | sed -n 's/^ok [0-9]* - /ok - tests\/lua: /p; /^not ok/,/^ok /{/^ok /!p}'
  bp=$(printf '%s\n' "$res" | grep -c '^ok ')
  bf=$(printf '%s\n' "$res" | grep -c '^not ok ')
  pass=$((pass + bp)); fail=$((fail + bf))
  if [ "$rc" -ne 0 ] && [ "$bf" -eq 0 ]; then
    printf '%s\n' "$res" | tail -n 20; echo "not ok - tests/lua: busted exited $rc"; fail=$((fail + 1))
  fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
