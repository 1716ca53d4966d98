-- a script without a plan
local x = 1
