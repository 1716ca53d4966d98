-- string.rep cannot grow past the limit either
local parts = {}
for i = 1, 1000 do parts[i] = string.rep("x", 2^22 + i) end
