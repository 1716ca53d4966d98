-- NaN emissions
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:sector{"nan", emissions = q"1 tCO2e/yr" * (0/0)}
