-- bad plan: bad_percent
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "t", reduce = 20, by = 2030 }
return p
