-- a constructor reads a raw copy of its table: an __index that rewrites the
-- table and collects garbage cannot free the name it holds (was a use
-- after free in dc_plan_sector), and inherited fields are not seen
local p = plan{"r", years = {2020, 2030}}
local t = {"victim" .. string.rep("x", 10)}
setmetatable(t, {__index = function(tt, k)
  rawset(tt, 1, "other"); collectgarbage(); collectgarbage()
  if k == "emissions" then return "1 tCO2e/yr" end
end})
print(pcall(p.sector, p, t))
p:sector{"s", emissions = "1 tCO2e/yr"}
print(p)
