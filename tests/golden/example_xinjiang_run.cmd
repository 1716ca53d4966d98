"$DECARB" ../../examples/xinjiang.lua
