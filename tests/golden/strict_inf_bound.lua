-- an infinite bound
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"cap", at_most = q"1 tCO2e/yr" * math.huge, by = 2030}
