-- bad plan: units
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "wrong", at_most = "100 MWh", by = 2030 }
return p
