-- over-abatement under check: once on stderr, and in the report
local p = plan{ "Over", years = {2020, 2022} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
p:measure{ "big", sector = "all", abates = "12 tCO2e/yr", start = 2021 }
p:target{ "net zero 2021", net_zero = 2021 }
return p
