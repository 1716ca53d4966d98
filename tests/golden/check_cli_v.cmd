"$DECARB" -v | sed "s/(Lua 5\.4\.[0-9]*)/(Lua 5.4)/"
