"$DECARB" ../../examples/intro/units.lua
