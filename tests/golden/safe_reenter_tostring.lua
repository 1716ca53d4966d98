-- a value with metamethods returned to the engine: its __tostring and
-- __index cannot change the plan
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
local evil = setmetatable({}, {
  __tostring = function() p:measure{"x", sector = "s", abates = "1 tCO2e/yr"} return "1 tCO2e/yr" end,
  __index = function() p:measure{"y", sector = "s", abates = "1 tCO2e/yr"} return nil end})
p:measure{"f", sector = "s", abates = function(y) return evil end}
print(pcall(p.value, p, "emissions", 2025))
print(#p.measures)
