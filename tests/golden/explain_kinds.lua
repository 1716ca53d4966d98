-- every kind of target, for decarb explain's golden tests and the test that
-- an explanation's terms add up to its value (tests/explain.test.sh)
local p = plan{ "Explain city", region = "Gansu", years = {2020, 2026}, source = "test fixture" }
p:sector{ "buildings", emissions = series.growth{ "100 tCO2e/yr", from = 2020, rate = 0.02, to = 2026 },
          source = "yearbook 2021" }
p:sector{ "transport", emissions = "40 tCO2e/yr", source = "assumption" }
p:capacity{ "PV", [2020] = "60 MW", hours = "1500 h/yr", source = "grid company" }
p:capacity{ "coal", [2020] = "300 MW", hours = "4000 h/yr" }
p:metric{ "GDP", series.growth{ "10e9 yuan/yr", from = 2020, rate = 0.05, to = 2026 }, source = "statistics bureau" }
p:metric{ "PV added", diff = "PV" }
p:metric{ "buildings per GDP x 1000", function(y, m) return m.buildings / m.GDP * 1000 end, unit = "tCO2e/yuan" }
p:measure{ "Retrofit", sector = "buildings", abates = "12 tCO2e/yr", start = 2021, full = 2024, source = "seed 002" }
p:measure{ "Buses", sector = "transport", abates = "10 tCO2e/yr", start = 2022 }
p:measure{ "Heat pumps", sector = "buildings", saves = "20 MWh/yr", factor = "0.5 tCO2e/MWh", start = 2023 }
p:measure{ "PV park", adds = { PV = "40 MW" }, start = 2023, full = 2025, displaces = "0.0001 tCO2e/MWh",
           source = "developer" }
p:measure{ "City-wide offsets", abates = "5 tCO2e/yr", start = 2024 }
p:scenario{ "fast", change = { Retrofit = { abates = "30 tCO2e/yr" } } }
p:target{ "At most 120 t by 2025", at_most = "120 tCO2e/yr", by = 2025 }
p:target{ "Buildings at most 100 t by 2026", metric = "buildings", at_most = "100 tCO2e/yr", by = 2026 }
p:target{ "Abatement at least 30 t by 2026", metric = "abatement", at_least = "30 tCO2e/yr", by = 2026 }
p:target{ "-15 % vs 2020 by 2026", reduce = "15 %", from = 2020, by = 2026, source = "city plan" }
p:target{ "-20 % vs BAU by 2025", reduce = "20 %", vs = "BAU", by = 2025 }
p:target{ "Peak by 2022", peak_by = 2022, tolerance = "1 %" }
p:target{ "Net zero 2026 within 70 %", net_zero = 2026, tolerance = "70 %" }
p:target{ "700 t over 2021-2025", budget = "700 tCO2e", over = {2021, 2025} }
p:target{ "PV >= 20 % of capacity by 2025", share = "PV", of = "capacity", at_least = "20 %", by = 2025 }
p:target{ "PV >= 4 % of generation by 2026", share = "PV", of = "generation", at_least = "4 %", by = 2026 }
p:target{ "Intensity -30 % by 2026", reduce = "30 %", per = "GDP", from = 2020, by = 2026 }
p:target{ "Intensity at most 12 t per billion yuan", at_most = "12e-9 tCO2e/yuan", per = "GDP", by = 2026 }
p:target{ "PV adds at least 10 MW in 2024", metric = "PV added", at_least = "10 MW", by = 2024 }
p:target{ "Capacity at least 390 MW by 2025", metric = "capacity", at_least = "390 MW", by = 2025 }
p:target{ "Function metric at most 0.01", metric = "buildings per GDP x 1000", at_most = "0.01 tCO2e/yuan", by = 2026 }
return p
