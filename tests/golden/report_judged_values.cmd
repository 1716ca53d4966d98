"$DECARB" check report_judged_values.lua
"$DECARB" check --format csv report_judged_values.lua
