-- a function metric reading a metric that does not exist
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:metric{"GDP", q"1000 yuan"}
p:metric{"per GDP", function(y, v) return v.emissions / v.GDPP end, unit = "tCO2e/yr/yuan"}
print(p:value("per GDP", 2025))
