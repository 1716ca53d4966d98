"$DECARB" check check_syntax.lua
