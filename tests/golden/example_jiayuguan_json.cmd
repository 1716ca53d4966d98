"$DECARB" check --format json ../../examples/jiayuguan.lua
