t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
printf '\033Lua\124\000\031\223\r\n\032\n' > "$t/compiled.lua"
printf '#!/usr/bin/env decarb\n\033LuaT' > "$t/shebang.lua"
for run in "$t/compiled.lua" "$t/shebang.lua" "check $t/compiled.lua"; do
  "$DECARB" --timeout 2 $run 2> "$t/err"; rc=$?
  echo "exit $rc: $(sed "s|$t/||" "$t/err")"
done
printf '\033LuaT' | "$DECARB" --timeout 2 - 2>&1; echo "exit $?"
