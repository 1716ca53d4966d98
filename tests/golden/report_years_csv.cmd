"$DECARB" check --format csv --years 2022:2026 --scenario plan check_multi.lua check_scenario.lua check_warning.lua
