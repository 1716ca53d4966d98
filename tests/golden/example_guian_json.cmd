"$DECARB" check --format json ../../examples/guian.lua
