-- a budget given as a rate
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"budget", budget = "500 tCO2e/yr", over = {2020, 2030}}
