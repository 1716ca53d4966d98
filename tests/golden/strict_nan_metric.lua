-- a NaN metric series
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:metric{"bad", q"1 t" * (0/0)}
