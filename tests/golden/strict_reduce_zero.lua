-- reduce = 0: a reduction of nothing is no target
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"cut", reduce = 0, by = 2030}
