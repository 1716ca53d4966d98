-- p:set with an infinite abatement
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"m", sector = "s", abates = "1 tCO2e/yr"}
p:set("m", "abates", q"1 tCO2e/yr" * math.huge)
