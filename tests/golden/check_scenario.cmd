"$DECARB" check --scenario fast --years 2025:2026 check_scenario.lua
