-- chart edge case: emissions below zero (net removals) and a bound of zero
-- (tests/chart_report.test.sh)
local p = plan{ "Net removals", years = {2025, 2050} }
p:sector{ "energy", emissions = series.growth{ "50 tCO2e/yr", from = 2025, rate = -0.05, to = 2050 } }
p:sector{ "forest", emissions = "-30 tCO2e/yr" }
p:measure{ "Afforestation", sector = "forest", abates = "20 tCO2e/yr", start = 2030, full = 2040 }
p:target{ "Net zero from 2035", net_zero = 2035 }
p:target{ "At most zero in 2050", at_most = "0 tCO2e/yr", by = 2050 }
return p
