"$DECARB" check --scenario taxi_push ../../examples/zhangye.lua
