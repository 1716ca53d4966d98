"$DECARB" check ../../examples/guian.lua
