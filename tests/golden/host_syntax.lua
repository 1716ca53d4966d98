-- a syntax error is exit 3 with file:line
local x = 1
x = = 2
