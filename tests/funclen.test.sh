#!/bin/sh
# funclen.test.sh — issue 19's rule "no function over ~80 lines without a
# reason in a comment": tests/funclen.py --check 80 passes on the sources of
# decarb. First the check itself, on the fixtures of tests/funclen/: a
# function of exactly 80 lines passes, one of 81 fails (and is named, with
# its file:line), one of 81 with a `/* long: reason */` comment just above
# it passes; a braced initialiser is no function.
fail() { echo "FAIL: $*"; exit 1; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fx=tests/funclen
check() { python3 tests/funclen.py --check 80 "$@" > "$t/out" 2> "$t/err"; }

check $fx/limit.c || fail "80 lines refused: $(cat "$t/err")"
[ -s "$t/err" ] && fail "80 lines: unexpected message: $(cat "$t/err")"
check $fx/over.c && fail "81 lines without a reason passed --check 80"
grep -q "^$fx/over.c:3: too_long is 81 lines (over 80)" "$t/err" ||
  fail "81 lines: wrong message: $(cat "$t/err")"
[ "$(wc -l < "$t/err")" -eq 1 ] || fail "the initialiser of over.c counted as a function: $(cat "$t/err")"
check $fx/said.c || fail "81 lines with /* long: reason */ refused: $(cat "$t/err")"
check $fx/limit.c $fx/said.c $fx/over.c && fail "one bad file among good ones passed"
python3 tests/funclen.py --over 80 $fx/said.c | grep -q "long_said  (long: said why)" ||
  fail "--over does not show the reason mark"

# the rule itself, on every source of decarb
check stdlib/*.c vm/*.c vm/report/*.c || { cat "$t/err"; fail "functions over 80 lines (above)"; }
echo "funclen: ok"
