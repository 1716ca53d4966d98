-- bad plan: peak_last
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "peak", peak_by = 2030 }
return p
