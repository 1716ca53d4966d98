-- one prefix per column, one unit for columns of one kind (issue 20, item 2):
-- a metric given in MWh/yr with large values shows in TWh/yr, and the two
-- energy columns share it; the emissions columns share ktCO2e/yr
local p = plan{ "Prefixes", years = {2020, 2021} }
p:sector{ "all", emissions = series{ [2020] = "950 tCO2e/yr", [2021] = "1200 tCO2e/yr" } }
p:metric{ "generation A", series{ [2020] = "7369840 MWh/yr", [2021] = "7400000 MWh/yr" } }
p:metric{ "generation B", series{ [2020] = "52000 MWh/yr", [2021] = "61000 MWh/yr" } }
p:target{ "A at least", metric = "generation A", at_least = "7 TWh/yr", by = 2021 }
p:target{ "B at least", metric = "generation B", at_least = "50 GWh/yr", by = 2021 }
return p
