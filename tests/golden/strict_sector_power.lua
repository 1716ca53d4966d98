-- sector emissions in MW
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:sector{"power plant", emissions = "1 MW"}
