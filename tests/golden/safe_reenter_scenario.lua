-- p:scenario from a function metric
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:metric{"twice", function(y, v) p:scenario{"x" .. y} return v.emissions * 2 end, unit = "tCO2e/yr"}
print(p:value("twice", 2025))
