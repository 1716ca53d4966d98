d=$(mktemp -d); "$DECARB" check --format json diff_old.lua > "$d/old.json"
cp diff_old.lua diff_new.lua "$d/"; cd "$d" || exit 9
"$DECARB" diff old.json diff_new.lua; echo "exit $?"
"$DECARB" diff --format markdown diff_new.lua old.json; echo "exit $?"
"$DECARB" diff --format json old.json diff_old.lua; echo "exit $?"
"$DECARB" diff --format json --tolerance 0.5 diff_old.lua diff_new.lua; echo "exit $?"
cd / && rm -rf "$d"
