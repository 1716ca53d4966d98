-- a Monte Carlo with a technology without hours: its generation metric has
-- no values, so no report lists it (tests/merge_mc.test.sh: merged blocks
-- are the single run in every format, jsonl's metrics_with_values too)
local p = plan{"capacity without hours", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:capacity{"PV", [2020] = "10 MW", [2030] = "30 MW"}
p:measure{"m", sector = "s", abates = uncertain{"10 tCO2e/yr", low = "0 tCO2e/yr", high = "20 tCO2e/yr"}}
p:target{"at most 95", at_most = "95 tCO2e/yr", by = 2030}
