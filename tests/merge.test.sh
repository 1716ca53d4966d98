#!/bin/sh
# merge.test.sh — `decarb check --shard I/N --format jsonl` then `decarb
# merge`: the merge of shards 1/3, 2/3, 3/3 is the report of the whole run
# in every format (and its exit code); the JSON report reads back as well;
# bad input (a cut-short line, another schema version, not JSON lines) is
# refused with exit 2 and a message naming the file and line.
DECARB=${DECARB:-./decarb}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
formats="text json jsonl csv csv-targets tap junit github html"
# every example (jiayuguan: measures without sectors), and the check goldens
files="examples/changzhi.lua examples/guian.lua examples/jiayuguan.lua examples/xinjiang.lua examples/zhangye.lua
  examples/intro/first_plan.lua tests/golden/check_csv.lua tests/golden/check_json.lua
  tests/golden/check_multi.lua tests/golden/check_scenario.lua tests/golden/check_text.lua
  tests/golden/check_warning.lua tests/golden/check_years.lua"

# every file in exactly one shard, in order
# shellcheck disable=SC2086
for i in 1 2 3; do "$DECARB" check --shard $i/3 --format jsonl $files > "$t/s$i.jsonl" 2>/dev/null; done
# shellcheck disable=SC2086
"$DECARB" check --format jsonl $files > "$t/all.jsonl" 2>/dev/null
cat "$t/s1.jsonl" "$t/s2.jsonl" "$t/s3.jsonl" | cmp -s - "$t/all.jsonl" || fail "shards are not the whole run"
[ -s "$t/s1.jsonl" ] && [ -s "$t/s3.jsonl" ] || fail "an empty shard"
for f in $formats; do
  # shellcheck disable=SC2086
  "$DECARB" check --format "$f" $files > "$t/whole" 2> "$t/whole.err"; cw=$?
  "$DECARB" merge --format "$f" "$t/s1.jsonl" "$t/s2.jsonl" "$t/s3.jsonl" > "$t/merged" 2> "$t/merged.err"; cm=$?
  [ "$cw" = "$cm" ] || fail "merge --format $f: exit $cm, the whole run $cw"
  cmp -s "$t/whole" "$t/merged" || { diff "$t/whole" "$t/merged" | head; fail "merge --format $f differs"; }
  cmp -s "$t/whole.err" "$t/merged.err" || { diff "$t/whole.err" "$t/merged.err"; fail "merge --format $f: stderr"; }
done
# a shard with no file (more shards than files) is an empty report that merges
"$DECARB" check --shard 1/3 --format jsonl examples/guian.lua > "$t/empty.jsonl" || fail "empty shard exit $?"
[ -s "$t/empty.jsonl" ] && fail "empty shard wrote lines"
"$DECARB" check --shard 3/3 --format jsonl examples/guian.lua > "$t/one.jsonl"
"$DECARB" merge "$t/empty.jsonl" "$t/one.jsonl" "$t/empty.jsonl" > "$t/m1"; c=$?
"$DECARB" check examples/guian.lua | cmp -s - "$t/m1" || fail "merge with empty shards"
"$DECARB" merge --exit-zero "$t/one.jsonl" > /dev/null; [ $? = 0 ] || fail "merge --exit-zero"
cat "$t/one.jsonl" | "$DECARB" merge --format jsonl - | cmp -s - "$t/one.jsonl" || fail "merge from stdin"

# bad input: exit 2, the file and line named, no report
bad() { # NAME EXPECTED-MESSAGE-RE
  "$DECARB" merge "$t/all.jsonl" "$t/$1" > "$t/o" 2> "$t/e"; c=$?
  [ "$c" = 2 ] || fail "$1: exit $c"
  grep -Eq "$2" "$t/e" || fail "$1: message: $(cat "$t/e")"
  [ -s "$t/o" ] && fail "$1: wrote a report"
  :
}
head -c 300 "$t/s1.jsonl" > "$t/cut.jsonl"
bad cut.jsonl "cut.jsonl: line 1: .*(cut short|truncated)"
{ head -n 1 "$t/s1.jsonl"; head -n 2 "$t/s2.jsonl" | tail -n 1 | head -c 200; echo; } > "$t/cut2.jsonl"
bad cut2.jsonl "cut2.jsonl: line 2: not valid JSON"
sed 's/"version": 1,/"version": 3,/' "$t/s2.jsonl" > "$t/v3.jsonl"
bad v3.jsonl "v3.jsonl: line 1: written by another version of decarb \(schema version 3; this decarb reads versions 1 to 2\)"
sed 's/"version": 1,/"version": 2,/' "$t/s2.jsonl" > "$t/v2.jsonl"
bad v2.jsonl "v2.jsonl: line 1: schema version 2 without its \"mc\" member"
"$DECARB" check --format json examples/guian.lua > "$t/report.json"
bad report.json "report.json: line 1: not valid JSON"
echo '{"schema": "other"}' > "$t/other.jsonl"
bad other.jsonl "other.jsonl: line 1: not a decarb plan"
sed 's/"targets_met": /"targets_met": "x", "z": /' "$t/s1.jsonl" > "$t/type.jsonl"
bad type.jsonl "type.jsonl: line 1: \"targets_met\" has the wrong type"
bad missing.jsonl "cannot read .*missing.jsonl"
"$DECARB" merge > /dev/null 2> "$t/e"; [ $? = 2 ] && grep -q "no FILE" "$t/e" || fail "merge without files"
"$DECARB" merge --format xml "$t/s1.jsonl" > /dev/null 2> "$t/e"; [ $? = 2 ] && grep -q "unknown format" "$t/e" || fail "merge --format xml"
echo "merge: ok"
