"$DECARB" check --scenario deeper ../../examples/intro/first_plan.lua
