"$DECARB" explain --year 2023 --scenario fast --target "Net zero 2026 within 70 %" explain_year.lua
