-- a pcall around a memory bomb does not let the script go on
local keep = {}
while true do
  pcall(function() for i = 1, math.huge do keep[#keep + 1] = string.rep("y", 100000 + i % 100) end end)
end
