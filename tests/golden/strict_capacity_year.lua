-- a capacity point outside the plan years (was silently used or dropped)
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:capacity{"PV", [2020] = "100 MW", [2040] = "900 MW"}
