"$DECARB" ../../examples/changzhi.lua
