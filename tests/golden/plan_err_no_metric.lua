-- bad plan: no_metric
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "GDP", reduce = "20 %", per = "GDP", by = 2030 }
return p
