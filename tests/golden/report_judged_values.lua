-- the value each target judges gets a column of its own when it is not a
-- metric's series (issue 20, item 1): the share, the intensity, the budget's
-- running sum; the at_most on emissions judges the emissions column itself
local p = plan{ "Judged", years = {2020, 2024} }
p:sector{ "all", emissions = series{ [2020] = "100 tCO2e/yr", [2024] = "80 tCO2e/yr" } }
p:metric{ "GDP", series{ [2020] = "1e6 yuan/yr", [2024] = "1.4e6 yuan/yr" } }
p:capacity{ "PV", [2020] = "30 MW", [2024] = "60 MW", hours = "1500 h/yr" }
p:capacity{ "coal", [2020] = "300 MW", hours = "4000 h/yr" }
p:target{ "PV share", share = "PV", of = "capacity", at_least = "15 %", by = 2024 }
p:target{ "intensity", reduce = "30 %", per = "GDP", from = 2020, by = 2024 }
p:target{ "budget", budget = "400 tCO2e", over = {2021, 2024} }
p:target{ "cap", at_most = "90 tCO2e/yr", by = 2024 }
return p
