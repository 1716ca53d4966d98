-- uncertain values a plan refuses, each with its message
local function try(f) local ok, e = pcall(f) print(ok, e) end
local p = plan{"bad", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
try(function() p:measure{"a", sector = "s", abates = uncertain{"10 tCO2e/yr", low = "20 tCO2e/yr", high = "30 tCO2e/yr"}} end)
try(function() p:measure{"b", sector = "s", abates = uncertain{"10 tCO2e/yr", low = "0 tCO2e/yr", high = "5 tCO2e/yr"}} end)
try(function() p:measure{"c", sector = "s", abates = uncertain{"10 tCO2e/yr", sd = "-1 tCO2e/yr"}} end)
try(function() p:measure{"d", sector = "s", abates = uncertain{"10 tCO2e/yr", low = "0 tCO2e/yr", high = "20 tCO2e/yr", dist = "beta"}} end)
try(function() p:measure{"e", sector = "s", abates = uncertain{"10 MW", low = "0 MW", high = "20 MW"}} end)
try(function() p:measure{"f", sector = "s", abates = "1 tCO2e/yr", start = uncertain{2022.5, low = 2021, high = 2024}} end)
try(function() p:target{"t", at_most = uncertain{"1 tCO2e/yr", low = "0 tCO2e/yr", high = "2 tCO2e/yr"}, by = 2030} end)
p:measure{"g", sector = "s", abates = "1 tCO2e/yr"}
try(function() p:set("g", "scale", uncertain{"1 MW", low = "0 MW", high = "2 MW"}) end)
try(function() p:montecarlo{n = 0} end)
try(function() p:montecarlo{n = 10, seed = -1} end)
try(function() p:montecarlo{n = 10, samples = 4} end)
print(#p:montecarlo{n = 10}.inputs)
