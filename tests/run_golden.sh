#!/bin/sh
# run_golden.sh DECARB — runs every scripted test beside its expectations.
#
#   tests/golden/NAME.lua, tests/sandbox/NAME.lua   run as `decarb NAME.lua`
#       (sandbox ones with --timeout 2 --max-mem 64M)
#       (or NAME.cmd: a shell line run with $DECARB set) in the test's folder;
#   tests/repl/NAME.in                               piped into `decarb -i`;
#   beside each: NAME.out (exact stdout; absent means empty), NAME.err (exact
#   stderr) or NAME.err.re (lines of extended regexes stderr must each match;
#   absent both means empty stderr), NAME.code (exit code; absent means 0);
#   tests/lang/*.test                                blocks of the same, as data
#       (tests/lang/run says how; each block counts as one test);
#   the docs' examples                               tests/docs/doctest.py (its DOCS
#       list the pages; each block counts as one test).
# Prints "ok"/"not ok" per test and a last line "# counts PASSED FAILED".
DECARB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); export DECARB
root=$(pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0; fail=0
check() { # name dir base
  name=$1; cdir=$2; base=$3
  exp_code=0; [ -f "$cdir/$base.code" ] && exp_code=$(cat "$cdir/$base.code")
  why=""
  [ "$code" = "$exp_code" ] || why="exit code $code, expected $exp_code"
  if [ -f "$cdir/$base.out" ]; then cp "$cdir/$base.out" "$tmp/exp.out"; else : > "$tmp/exp.out"; fi
  cmp -s "$tmp/exp.out" "$tmp/out" || why="$why${why:+; }stdout differs"
  if [ -f "$cdir/$base.err.re" ]; then
    while IFS= read -r re; do
      [ -z "$re" ] && continue
      grep -Eq -- "$re" "$tmp/err" || why="$why${why:+; }stderr lacks /$re/"
    done < "$cdir/$base.err.re"
  else
    if [ -f "$cdir/$base.err" ]; then cp "$cdir/$base.err" "$tmp/exp.err"; else : > "$tmp/exp.err"; fi
    cmp -s "$tmp/exp.err" "$tmp/err" || why="$why${why:+; }stderr differs"
  fi
  if [ -z "$why" ]; then pass=$((pass + 1)); echo "ok - $name"
  else
    fail=$((fail + 1)); echo "not ok - $name: $why"
    diff -u "$tmp/exp.out" "$tmp/out" | head -n 30 | sed 's/^/#   /'
    sed 's/^/#   stderr: /' "$tmp/err" | head -n 10
  fi
}
for dir in tests/golden tests/sandbox; do
  for f in "$root/$dir"/*.lua; do
    [ -f "$f" ] || continue
    base=$(basename "$f" .lua)
    # sandbox scripts run under tight limits: 2 s, 64 MiB; a test of the
    # memory limit gets 20 s (NAME.limits), so that a loaded machine or an
    # ASan build reaches the memory limit before the time limit
    limits=""; [ "$dir" = tests/sandbox ] && limits="--timeout 2 --max-mem 64M"
    [ -f "$root/$dir/$base.limits" ] && limits=$(cat "$root/$dir/$base.limits")
    ls -A "$root/$dir" > "$tmp/before"; touch "$tmp/stamp"; sleep 0.01
    ( cd "$root/$dir" && if [ -f "$base.cmd" ]; then timeout 30 sh "$base.cmd"; else timeout 30 "$DECARB" $limits "$base.lua"; fi ) \
      > "$tmp/out" 2> "$tmp/err" < /dev/null
    code=$?
    # a sandbox test must not leave anything behind in its folder
    ls -A "$root/$dir" > "$tmp/after"
    if [ "$dir" = tests/sandbox ] && { ! cmp -s "$tmp/before" "$tmp/after" ||
         [ -n "$(find "$root/$dir" -newer "$tmp/stamp" -print -quit)" ]; }; then
      code="$code (and it changed files in $dir)"
    fi
    check "$dir/$base" "$root/$dir" "$base"
  done
done
for f in "$root"/tests/repl/*.in; do
  [ -f "$f" ] || continue
  base=$(basename "$f" .in)
  ( cd "$root/tests/repl" && HOME="$tmp" DECARB_HISTORY="$tmp/hist" timeout 30 "$DECARB" -i < "$base.in" ) > "$tmp/out" 2> "$tmp/err"
  code=$?
  check "tests/repl/$base" "$root/tests/repl" "$base"
done
# the tests as data (each block of tests/lang/*.test) and the docs'
# examples (each block of the pages tests/docs/doctest.py lists): one test each
for runner in tests/lang/run tests/docs/doctest.py; do
  res=$(cd "$root" && python3 "$runner" "$DECARB" 2>&1); lrc=$?
  printf '%s\n' "$res" | grep -v '^# counts '
  lc=$(printf '%s\n' "$res" | sed -n 's/^# counts \([0-9]*\) \([0-9]*\)$/\1 \2/p')
  if [ -n "$lc" ]; then pass=$((pass + ${lc% *})); fail=$((fail + ${lc#* }))
  else fail=$((fail + 1)); echo "not ok - $runner died ($lrc)"; printf '%s\n' "$res" | tail -n 10; fi
done
for f in "$root"/tests/*.test.sh; do
  [ -f "$f" ] || continue
  base=$(basename "$f" .test.sh)
  if ( cd "$root" && timeout 300 sh "$f" ) > "$tmp/log" 2>&1; then pass=$((pass + 1)); echo "ok - tests/$base"
  else fail=$((fail + 1)); echo "not ok - tests/$base"; tail -n 20 "$tmp/log" | sed 's/^/#   /'; fi
done
echo "# counts $pass $fail"
