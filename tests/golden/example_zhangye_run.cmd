"$DECARB" ../../examples/zhangye.lua
