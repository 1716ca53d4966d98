"$DECARB" ../../examples/jiayuguan.lua
