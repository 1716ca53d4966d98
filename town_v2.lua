-- file: town_v2.lua
-- the next version: gas replaces less coal, the buses are renamed, and a
-- target on transport is added
local p = plan{ "Example town", years = {2020, 2030} }
p:sector{ "power", emissions = "0.8 MtCO2e/yr", source = "yearbook 2020" }
p:sector{ "transport", emissions = "0.4 MtCO2e/yr", source = "yearbook 2020" }
p:measure{ "Coal to gas", sector = "power", abates = "0.15 MtCO2e/yr", start = 2024, full = 2027 }
p:measure{ "E-buses", sector = "transport", abates = "60 ktCO2e/yr", start = 2025, full = 2030 }
p:target{ "-20 % vs 2020 by 2030", reduce = "20 %", from = 2020, by = 2030 }
p:target{ "Peak by 2025", peak_by = 2025 }
p:target{ "Transport at most 0.35 Mt by 2030", metric = "transport", at_most = "0.35 MtCO2e/yr", by = 2030 }
return p
