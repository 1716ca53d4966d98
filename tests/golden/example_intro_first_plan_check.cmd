"$DECARB" check ../../examples/intro/first_plan.lua
