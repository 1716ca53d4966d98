-- reduce = "150 %": a reduction beyond zero
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"cut", reduce = "150 %", by = 2030}
