"$DECARB" check report_margin_digits.lua
"$DECARB" check --format tap report_margin_digits.lua
