-- factors.grid: national, regional and provincial factors, with source and year
local g, info = factors.grid{ "CN-Gansu", year = 2022 }
print(g, info.year, info.region, info.grid, info.verify)
print(info.source)
print((factors.grid{ "CN-GS", year = 2022 }))
print((factors.grid{ "cn-gansu", year = 2021 }))
print((factors.grid{ "甘肃", year = 2022 }))
for _, r in ipairs{ "CN", "CN-nonmarket", "CN-fossil", "CN-North", "CN-Northeast", "CN-East",
                    "CN-Central", "CN-Northwest", "CN-South", "CN-Southwest" } do
  local v, i = factors.grid{ r, year = 2023 }
  print(r, v, i.verify)
end
local h, hi = factors.grid{ "CN-NM", year = 2022 }
print(hi.name, h, hi.source)
local e, ei = factors.grid{ "CN-Gansu", year = 2023, fallback = "earlier" }
print(e, ei.year)
print((factors.grid"CN-Yunnan"))
-- the school of seed 002: 802,600 kWh a year at the Gansu 2022 factor
print(q"802600 kWh" * g)
print((q"802600 kWh" * g):to"tCO2")
local function try(...) print(pcall(factors.grid, ...)) end
try{ "CN-Gansu", year = 2023 }
try{ "CN-Gansu", year = 2020, fallback = "earlier" }
try{ "CN-Beijing", year = 2022 }
try{ "CN" }
try{ "CN", year = 2022, fallback = "later" }
try{ "CN", year = 2022.5 }
try{ "CN", yaer = 2022 }
try{ year = 2022 }
try(42)
