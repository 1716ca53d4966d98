-- a negative tolerance
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"peak", peak_by = 2025, tolerance = "-5 %"}
