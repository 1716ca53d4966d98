"$DECARB" check --format=csv --years 2024:2025 check_csv.lua
