#!/bin/sh
# units_docs.test.sh — every `print(...)  --> text` line in docs/units.md is
# run with decarb -e and must print exactly text (tabs between values), so
# the units docs cannot drift from the program; then tests/docs/doctest.py
# runs each block of the page.
DECARB=${DECARB:-./decarb}
fail=0; n=0
tab=$(printf '\t')
grep -E '^print\(.*\) *--> ' docs/units.md > /tmp/units_docs.$$ || { echo "no examples found"; exit 1; }
while IFS= read -r line; do
  code=${line%%  -->*}; code=${code%% -->*}
  want=${line#*--> }
  got=$("$DECARB" -e "$code" 2>&1)
  n=$((n + 1))
  if [ "$got" != "$want" ]; then
    echo "docs/units.md: $code"; echo "  expected: $want"; echo "  got:      $got"; fail=1
  fi
done < /tmp/units_docs.$$
rm -f /tmp/units_docs.$$
echo "$n examples checked"
# and every block, as the other docs are run (lua blocks, sh blocks' exit codes)
python3 tests/docs/doctest.py "$DECARB" docs/units.md || fail=1
[ "$n" -ge 20 ] && [ "$fail" -eq 0 ]
