"$DECARB" check ../../examples/xinjiang.lua
