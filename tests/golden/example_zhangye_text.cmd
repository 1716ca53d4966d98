"$DECARB" check ../../examples/zhangye.lua
