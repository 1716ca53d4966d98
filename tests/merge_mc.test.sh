#!/bin/sh
# merge_mc.test.sh — Monte Carlo blocks through the command line: `decarb
# check --samples A:B --format jsonl` blocks merged by `decarb merge` are
# the run over all the samples, byte for byte, in every format (P(met), its
# interval, the percentiles, the drivers), whatever the order of the blocks,
# with shards and --jobs; blocks of different seeds, overlapping or with a
# gap between them are refused with exit 2 and a message.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
formats="text json jsonl csv csv-targets tap junit github html"
files="tests/golden/mc_closed.lua examples/guian.lua tests/data/mc_tech_no_hours.lua tests/golden/mc_closed.lua"

# shellcheck disable=SC2086
"$DECARB" check --format jsonl --seed 7 --samples 0:5000 $files > "$t/a.jsonl" || fail "block 0:5000: exit $?"
# shellcheck disable=SC2086
"$DECARB" check --format jsonl --seed 7 --samples 5000:10000 --jobs 2 $files > "$t/b.jsonl" || fail "block 5000:10000: exit $?"
grep -q '"first": 5000' "$t/b.jsonl" || fail "the second block's lines do not say first 5000"
# whole N FORMAT...: the run of N samples, once per format
whole() {
  n=$1; shift
  for f in "$@"; do
    # shellcheck disable=SC2086
    "$DECARB" check --format "$f" --seed 7 --samples "$n" $files > "$t/whole.$f" 2> "$t/whole.$f.err"
    echo $? > "$t/whole.$f.code"
  done
}
# same BLOCKS...: the merge equals the whole run in every format
# shellcheck disable=SC2086
whole 10000 $formats
same() {
  for f in ${only:-$formats}; do
    "$DECARB" merge --format "$f" "$@" > "$t/merged" 2> "$t/merged.err"; cm=$?
    [ "$(cat "$t/whole.$f.code")" = "$cm" ] || fail "merge --format $f $*: exit $cm, the whole run $(cat "$t/whole.$f.code")"
    cmp -s "$t/whole.$f" "$t/merged" || { diff "$t/whole.$f" "$t/merged" | head; fail "merge --format $f $* differs"; }
    cmp -s "$t/whole.$f.err" "$t/merged.err" || fail "merge --format $f $*: stderr $(cat "$t/merged.err")"
  done
}
same "$t/a.jsonl" "$t/b.jsonl"
# smaller blocks of 1,000 samples: in any order; a merge of blocks is a
# block (merged again with nothing, it stays the same); blocks of shards
# (the plans of a block split over files) and of --jobs
whole 1000 text jsonl csv
for b in 0:400 400:1000; do
  # shellcheck disable=SC2086
  "$DECARB" check --format jsonl --seed 7 --samples $b $files > "$t/$b.jsonl"
done
only="text jsonl" same "$t/400:1000.jsonl" "$t/0:400.jsonl"
"$DECARB" merge --format jsonl "$t/0:400.jsonl" "$t/400:1000.jsonl" > "$t/ab.jsonl"
only="jsonl" same "$t/ab.jsonl"
# shellcheck disable=SC2086
"$DECARB" check --format jsonl --seed 7 --samples 400:700 --shard 1/2 $files > "$t/c1.jsonl"
# shellcheck disable=SC2086
"$DECARB" check --format jsonl --seed 7 --samples 400:700 --shard 2/2 --jobs 2 $files > "$t/c2.jsonl"
# shellcheck disable=SC2086
"$DECARB" check --format jsonl --seed 7 --samples 700:1000 $files > "$t/d.jsonl"
only="text csv" same "$t/0:400.jsonl" "$t/c1.jsonl" "$t/c2.jsonl" "$t/d.jsonl"
# the statistics are those of all the samples, not of a block
p_a=$(sed -n 's/.*"p_met": \([0-9.]*\).*/\1/p' "$t/0:400.jsonl" | head -n 1)
p_ab=$(sed -n 's/.*"p_met": \([0-9.]*\).*/\1/p' "$t/ab.jsonl" | head -n 1)
[ -n "$p_a" ] && [ "$p_a" != "$p_ab" ] || fail "P(met) of the merge ($p_ab) is the first block's ($p_a)"

# bad blocks: exit 2, a message that names the plan and the files, no report
bad() { # EXPECTED-MESSAGE-RE FILE...
  re=$1; shift
  "$DECARB" merge "$@" > "$t/o" 2> "$t/e"; c=$?
  [ "$c" = 2 ] || fail "$*: exit $c"
  grep -Eq "$re" "$t/e" || fail "$*: message: $(cat "$t/e")"
  [ -s "$t/o" ] && fail "$*: wrote a report"
  :
}
"$DECARB" check --format jsonl --seed 8 --samples 50:100 tests/golden/mc_closed.lua > "$t/seed8.jsonl"
"$DECARB" check --format jsonl --seed 7 --samples 0:50 tests/golden/mc_closed.lua > "$t/a1.jsonl"
bad "plan 'closed form': the blocks in .*a1.jsonl and .*seed8.jsonl have different seeds \(7 and 8\)" "$t/a1.jsonl" "$t/seed8.jsonl"
"$DECARB" check --format jsonl --seed 7 --samples 40:100 tests/golden/mc_closed.lua > "$t/over.jsonl"
bad "samples 40 to 49 are in two blocks .*overlap" "$t/a1.jsonl" "$t/over.jsonl"
"$DECARB" check --format jsonl --seed 7 --samples 50:100 tests/golden/mc_closed.lua > "$t/b1.jsonl"
bad "plan 'closed form' \(tests/golden/mc_closed.lua\): one copy of it has samples 0 to 99, another 0 to 49 \(a block given twice" \
  "$t/a1.jsonl" "$t/a1.jsonl" "$t/b1.jsonl"
"$DECARB" check --format jsonl --seed 7 --samples 60:100 tests/golden/mc_closed.lua > "$t/gap.jsonl"
bad "samples 50 to 59 are in no block .*--samples 50:60" "$t/a1.jsonl" "$t/gap.jsonl"
sed 's/"met": \[[0-9]*\]/"met": [99999]/' "$t/a1.jsonl" > "$t/count.jsonl"
bad "line 1: \"mc\": \"met\" 1 is not a count" "$t/count.jsonl"
sed 's/"mc": {[^}]*},//' "$t/a1.jsonl" > "$t/nomc.jsonl"
bad "line 1: schema version 2 without its \"mc\" member" "$t/nomc.jsonl"
echo "merge_mc: ok"
