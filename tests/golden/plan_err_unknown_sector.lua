-- bad plan: unknown_sector
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:measure{ "Retrofit", sector = "building", abates = "1 tCO2e/yr" }
return p
