"$DECARB" ../../examples/guian.lua
