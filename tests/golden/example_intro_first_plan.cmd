"$DECARB" ../../examples/intro/first_plan.lua
