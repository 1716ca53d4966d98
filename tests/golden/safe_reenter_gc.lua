-- a finalizer run during evaluation cannot change the plan either (an error
-- in a finalizer only warns); the plan stays as it was
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"f", sector = "s", abates = function(y)
  setmetatable({}, {__gc = function() p:measure{"from gc " .. y, sector = "s", abates = "1 tCO2e/yr"} end})
  collectgarbage()
  return q"1 tCO2e/yr" end}
print(p:value("emissions", 2025))
print(#p.measures)
