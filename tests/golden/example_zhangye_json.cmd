"$DECARB" check --format json ../../examples/zhangye.lua
