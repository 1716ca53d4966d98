-- two plans in one file (neither returned): check finds both
local a = plan{ "Plan A", years = {2020, 2022} }
a:sector{ "all", emissions = series{ [2020] = "10 tCO2e/yr", [2022] = "6 tCO2e/yr" } }
a:target{ "A at most 7 by 2022", at_most = "7 tCO2e/yr", by = 2022 }
local b = plan{ "Plan B", years = {2020, 2022} }
b:sector{ "all", emissions = "10 tCO2e/yr" }
b:target{ "B net zero 2022", net_zero = 2022 }
b:target{ "B budget", budget = "30 tCO2e", over = {2020, 2022} }
