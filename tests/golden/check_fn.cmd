"$DECARB" check check_fn.lua
