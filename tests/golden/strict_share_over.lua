-- a share bound above 100 %
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:capacity{"PV", [2020] = "100 MW"}
p:target{"PV share", share = "PV", of = "capacity", at_least = "130 %", by = 2030}
