"$DECARB" check --format json ../../examples/changzhi.lua
