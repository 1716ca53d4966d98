-- bad plan: missing_kind
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:measure{ "Retrofit", sector = "buildings", start = 2021 }
return p
