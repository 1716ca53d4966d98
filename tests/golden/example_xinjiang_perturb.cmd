# The Xinjiang share targets can be missed: with 28 GW of wind instead of the
# assumed 29.5 GW the derived wind share falls below 7.25 % and its target's
# verdict changes (exit 1); the solar target is untouched.
t=$(mktemp -d)
sed 's/\[2023\] = "29.5 GW"/[2023] = "28 GW"/' ../../examples/xinjiang.lua > "$t/xinjiang.lua"
grep -q '"28 GW"' "$t/xinjiang.lua" || echo "the perturbation did not apply"
"$DECARB" check ../../examples/xinjiang.lua > "$t/base.txt"; echo "unchanged: exit $?"
grep -E '^  [✔✘]|targets met' "$t/base.txt" | cut -c1-80
"$DECARB" check "$t/xinjiang.lua" > "$t/out.txt"; echo "wind 28 GW: exit $?"
grep -E '^  [✔✘]|targets met' "$t/out.txt" | cut -c1-80
rm -rf "$t"
