-- p:value from a function measure: a scenario already evaluated is a
-- consistent snapshot; the scenario being evaluated is refused
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"tenth", sector = "s", abates = function(y) return p:value("emissions", y, "BAU") * 0.1 end}
print(p:value("emissions", 2025, "BAU"))
print(p:value("emissions", 2025))
p:metric{"self", function(y, v) return p:value("emissions", y) end, unit = "tCO2e/yr"}
print(p:value("self", 2025, "BAU"))
