-- bad plan: year_outside
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "late", at_most = "1 tCO2e/yr", by = 2040 }
return p
