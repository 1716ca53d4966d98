-- p:set from a function measure
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"fixed", sector = "s", abates = "10 tCO2e/yr"}
p:measure{"f", sector = "s", abates = function(y) p:set("fixed", "scale", 5) return q"1 tCO2e/yr" end}
print(p:value("emissions", 2025))
