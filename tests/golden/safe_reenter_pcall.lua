-- an error inside evaluation, caught by pcall, leaves the plan usable
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
local boom = true
p:measure{"f", sector = "s", abates = function(y)
  if boom then p:measure{"inner", sector = "s", abates = "1 tCO2e/yr"} end
  return q"1 tCO2e/yr" end}
local ok, err = pcall(p.value, p, "emissions", 2025)
print(ok, err)
boom = false
p:measure{"after", sector = "s", abates = "9 tCO2e/yr"}
print(p:value("emissions", 2025))
print(#p.measures)
