-- a function metric that returns NaN: refused where it enters, naming the year
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:metric{"ratio", function(y, v) return v.emissions * (0/0) end, unit = "tCO2e/yr"}
print(p:value("ratio", 2025))
