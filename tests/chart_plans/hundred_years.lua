-- chart edge case: 100 years (tests/chart_report.test.sh)
local p = plan{ "A century", years = {2001, 2100} }
p:sector{ "industry", emissions = series.growth{ "800 ktCO2e/yr", from = 2001, rate = 0.01, to = 2100 } }
p:measure{ "Efficiency", sector = "industry", abates = "300 ktCO2e/yr", start = 2010, full = 2060 }
p:scenario{ "slow", change = { Efficiency = { abates = "100 ktCO2e/yr" } } }
p:target{ "At most 900 kt every year from 2050", at_most = "900 ktCO2e/yr", by = 2050, every_year_after = true }
p:target{ "-20 % vs 2001 by 2100", reduce = "20 %", from = 2001, by = 2100 }
return p
