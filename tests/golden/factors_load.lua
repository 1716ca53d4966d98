-- factors.load: your own dataset (issue 18), queried with dataset =
local uk = factors.load("factors_data/uk.csv")
print(uk, uk.name, uk.count, uk.values[1].source)
local g, info = factors.grid{ "UK", year = 2023, dataset = uk }
print(g, info.dataset, info.year, info.source)
print(q"1 MWh" * g)                                   -- a CO2e factor gives CO2e
print((factors.grid{ "uk", year = 2024, fallback = "earlier", dataset = uk }))
print((factors.hours{ "wind", year = 2023, dataset = uk }))
local function try(f) local ok, e = pcall(f); print(ok, (tostring(e):gsub("^.-:%d+: ", ""))) end
try(function() return factors.grid{ "UK", dataset = uk } end)
try(function() return factors.grid{ "FR", year = 2023, dataset = uk } end)
try(function() return factors.grid{ "wind", year = 2023, dataset = uk } end)
try(function() return factors.grid{ "CN", year = 2022, dataset = "uk" } end)
try(function() return factors.load("factors_data/no_source.csv") end)
try(function() return factors.load("factors_data/bad_unit.csv") end)
try(function() return factors.load("factors_data/missing.csv") end)
try(function() return factors.load("../golden/factors_data/uk.csv") end)
try(function() return factors.load("/etc/passwd") end)
try(function() return factors.load() end)
try(function() return uk.rows end)
-- the built-in data are untouched
print((factors.grid{ "CN", year = 2022 }))
