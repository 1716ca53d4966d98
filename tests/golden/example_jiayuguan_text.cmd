"$DECARB" check ../../examples/jiayuguan.lua
