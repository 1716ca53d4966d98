-- metric = together with share = (of = names the total)
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:capacity{"PV", [2020] = "100 MW"}
p:target{"PV share", share = "PV", of = "capacity", metric = "emissions", at_least = "30 %", by = 2030}
