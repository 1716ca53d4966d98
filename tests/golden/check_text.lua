-- a small plan for the `decarb check` golden tests (every report format)
local p = plan{ "Mini city", region = "Gansu", years = {2020, 2026}, source = "test fixture" }
p:sector{ "buildings", emissions = series.growth{ "100 tCO2e/yr", from = 2020, rate = 0.02, to = 2026 },
          source = "yearbook 2021" }
p:sector{ "transport", emissions = "40 tCO2e/yr" }
p:capacity{ "PV", [2020] = "60 MW", hours = "1500 h/yr" }
p:capacity{ "coal", [2020] = "300 MW", hours = "4000 h/yr" }
p:measure{ "Retrofit", sector = "buildings", abates = "12 tCO2e/yr", start = 2021, full = 2023, source = "seed 002" }
p:measure{ "Buses", sector = "transport", abates = "10 tCO2e/yr", start = 2022 }
p:measure{ "PV park", adds = { PV = "40 MW" }, year = 2024 }
p:scenario{ "fast", change = { Retrofit = { abates = "30 tCO2e/yr" } } }
p:target{ "Peak by 2022", peak_by = 2022, tolerance = "1 %" }
p:target{ "PV >= 20 % of capacity by 2025", share = "PV", of = "capacity", at_least = "20 %", by = 2025 }
p:target{ "-15 % vs 2020 by 2026", reduce = "15 %", from = 2020, by = 2026, source = "city plan" }
return p
