-- reduce = "10" without the % sign: was read as 1000 %, a negative bound
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"cut", reduce = "10", by = 2030}
