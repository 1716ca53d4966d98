-- Monte Carlo: abatement uniform on [0, 200] against a need of 50 (P = 0.75)
local p = plan{"closed form", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"m", sector = "s", abates = uncertain{"100 tCO2e/yr", low = "0 tCO2e/yr", high = "200 tCO2e/yr", dist = "uniform"}}
p:measure{"late", sector = "s", abates = "0 tCO2e/yr", start = uncertain{2025, low = 2021, high = 2029}}
p:target{"at most 50", at_most = "50 tCO2e/yr", by = 2030}
