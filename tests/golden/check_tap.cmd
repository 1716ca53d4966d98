"$DECARB" check --format tap check_tap.lua
