"$DECARB" check --format json report_target_nofile.lua
"$DECARB" check --format tap report_target_nofile.lua
"$DECARB" check --format csv-targets report_target_nofile.lua
