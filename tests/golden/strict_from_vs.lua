-- from together with vs: the base is the other scenario
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"vs BAU", reduce = "20 %", vs = "BAU", from = 2020, by = 2030}
