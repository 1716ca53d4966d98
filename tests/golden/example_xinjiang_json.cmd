"$DECARB" check --format json ../../examples/xinjiang.lua
