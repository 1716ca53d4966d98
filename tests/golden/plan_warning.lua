-- measures that together abate more than a sector's BAU: one warning per
-- sector and run of years, printed once however often the plan is evaluated
local p = plan{ "Warn", years = {2020, 2030} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:sector{ "transport", emissions = "10 tCO2e/yr" }
p:measure{ "A", sector = "buildings", abates = "60 tCO2e/yr", start = 2022 }
p:measure{ "B", sector = "buildings", abates = "50 tCO2e/yr", start = 2024, stop = 2026 }
p:measure{ "C", sector = "transport", abates = "12 tCO2e/yr", start = 2029 }
p:measure{ "D", sector = "buildings", abates = "45 tCO2e/yr", start = 2029 }
print(#p:warnings())
for _, w in ipairs(p:warnings()) do print(w) end
p:check()
p:set("A", "scale", 1)
p:check()          -- evaluated again: no second warning on stderr
print(p:value("buildings", 2025), p:value("emissions", 2025))
return p
