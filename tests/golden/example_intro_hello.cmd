"$DECARB" ../../examples/intro/hello.lua
