"$DECARB" check ../../examples/changzhi.lua
