-- by = on a budget (its period is over =)
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"budget", budget = "500 tCO2e", over = {2020, 2025}, by = 2030}
