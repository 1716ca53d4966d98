"$DECARB" check check_noplan.lua
