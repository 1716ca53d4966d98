-- p:check from a function measure
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"t", at_most = "50 tCO2e/yr", by = 2030}
p:measure{"f", sector = "s", abates = function(y) p:check() return q"1 tCO2e/yr" end}
print(p:check().met)
