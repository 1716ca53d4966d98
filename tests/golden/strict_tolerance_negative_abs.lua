-- a negative absolute tolerance of net zero
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"nz", net_zero = 2030, tolerance = "-1 tCO2e/yr"}
