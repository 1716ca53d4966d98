-- sector emissions as an amount, not a rate
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:sector{"amount", emissions = "100 tCO2e"}
