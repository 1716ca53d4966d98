-- bad plan: scenario_drop
local p = plan{ "Bad", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:scenario{ "s", drop = { "Nope" } }
return p
