-- bad plan: unknown_field
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:target{ "t", at_most = "1 tCO2e/yr", by = 2030, evry_year_after = true }
return p
