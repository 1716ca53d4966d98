-- bad plan: measure_units
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:measure{ "M", sector = "buildings", abates = "5 MW" }
return p
