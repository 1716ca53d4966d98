"$DECARB" check --timeout 0.5 check_timeout.lua
