#!/bin/sh
# valgrind.sh DECARB — runs the examples, a failing script and a limit hit
# under valgrind; fails on any error or leak. Used by `make valgrind`.
decarb=$1
vg="valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
status=0
run() { # expected-code args...
  want=$1; shift
  $vg "$decarb" "$@" > /dev/null 2> /tmp/decarb-vg.$$; rc=$?
  if [ "$rc" = 99 ] || [ "$rc" != "$want" ]; then
    echo "not ok - valgrind decarb $* (exit $rc, expected $want)"; cat /tmp/decarb-vg.$$ | head -n 30; status=1
  else echo "ok - valgrind decarb $*"; fi
}
for f in examples/intro/*.lua; do run 0 "$f"; done
for f in examples/*.lua; do [ -f "$f" ] && { run 0 "$f"; }; done
if [ -n "$(ls examples/*.lua 2>/dev/null)" ]; then
  $vg "$decarb" check examples/*.lua > /dev/null 2> /tmp/decarb-vg.$$; rc=$?
  if [ "$rc" = 99 ] || [ "$rc" -gt 1 ]; then echo "not ok - valgrind decarb check examples (exit $rc)"; head -n 30 /tmp/decarb-vg.$$; status=1
  else echo "ok - valgrind decarb check examples"; fi
fi
run 4 -e 'local t = {} error("boom")'
run 5 --max-mem 16M -e 'local t = {} for i = 1, math.huge do t[i] = {} end'
rm -f /tmp/decarb-vg.$$
exit $status
