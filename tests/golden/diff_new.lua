-- decarb diff fixture: diff_old.lua with less "Coal to gas", so that
-- a target goes from met to missed (a regression: exit 1)
local p = plan{ "Diff town", years = {2020, 2030}, source = "test fixture" }
p:sector{ "power", emissions = "0.8 MtCO2e/yr", source = "yearbook 2020" }
p:sector{ "transport", emissions = series{ [2020] = "0.4 MtCO2e/yr", [2030] = "0.5 MtCO2e/yr" } }
p:capacity{ "PV", [2020] = "100 MW", hours = "1300 h/yr" }
p:capacity{ "coal", [2020] = "900 MW", hours = "4500 h/yr" }
p:measure{ "Coal to gas", sector = "power", abates = "0.05 MtCO2e/yr", start = 2024, full = 2027, source = "utility plan" }
p:measure{ "Electric buses", sector = "transport", abates = "60 ktCO2e/yr", start = 2025, full = 2030 }
p:measure{ "Solar park", adds = { PV = "200 MW" }, year = 2025, displaces = "0.8 kgCO2e/kWh" }
p:scenario{ "slow", change = { ["Coal to gas"] = { abates = "0.1 MtCO2e/yr" } } }
p:target{ "-20 % vs 2020 by 2030", reduce = "20 %", from = 2020, by = 2030 }
p:target{ "Peak by 2025", peak_by = 2025 }
p:target{ "PV >= 20 % of capacity by 2030", share = "PV", of = "capacity", at_least = "20 %", by = 2030 }
return p
