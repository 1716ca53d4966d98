-- decarb explain on targets of the energy accounting: the value is one term
-- and the note names the measures that may act on it (a saving and a switch
-- of energy for coal; also the capacity addition for the non-fossil share;
-- also the abatement on the CO2 sector for co2), never "no measure changes
-- this value" (docs/energy.md, §6)
local p = plan{ "explain energy", years = {2021, 2025}, primary = "calorific", grid = "0.5 kgCO2/kWh" }
p:sector{ "industry", energy = { coal = "1000 tce/yr", electricity = "2 GWh/yr" } }
p:sector{ "process", emissions = "100 tCO2/yr" }
p:capacity{ "PV", [2021] = "1 MW", hours = "1000 h/yr" }
p:measure{ "motors", sector = "industry", saves = "100 tce/yr", fuel = "coal", start = 2022 }
p:measure{ "heat pumps", sector = "industry", switch = { from = "coal", to = "electricity", share = "10 %" } }
p:measure{ "kiln", sector = "process", abates = "10 tCO2/yr" }
p:measure{ "solar park", adds = { PV = "1 MW" }, start = 2023 }
p:target{ "coal at most 500 tce", metric = "coal", at_most = "500 tce/yr", by = 2025 }
p:target{ "non-fossil 90 %", metric = "nonfossil_share", at_least = "90 %", by = 2025 }
p:target{ "co2 at most 1 kt", metric = "co2", at_most = "1 ktCO2/yr", by = 2025 }
