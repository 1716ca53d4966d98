-- bad plan: fn_units
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:measure{ "F", sector = "buildings", abates = function(y) return "3 MWh" end }
p:check()
return p
