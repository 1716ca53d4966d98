"$DECARB" check --format tap check_multi.lua check_text.lua
