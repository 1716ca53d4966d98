-- chart edge case: a plan of one year (tests/chart_report.test.sh)
local p = plan{ "One year", years = {2030, 2030} }
p:sector{ "power", emissions = "1.2 MtCO2e/yr" }
p:measure{ "PV", sector = "power", abates = "0.3 MtCO2e/yr", year = 2030 }
p:target{ "At most 1 Mt in 2030", at_most = "1 MtCO2e/yr", by = 2030 }
return p
