-- tolerance on at_most: ignored before
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"cap", at_most = "50 tCO2e/yr", by = 2030, tolerance = "5 %"}
