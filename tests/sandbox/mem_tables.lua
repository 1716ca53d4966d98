-- a memory bomb of tables ends at the memory limit
local t = {}
for i = 1, math.huge do t[i] = { i, i, i, i } end
