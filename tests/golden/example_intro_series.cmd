"$DECARB" ../../examples/intro/series.lua
