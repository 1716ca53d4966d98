-- factors.fuel, sce, gwp, hours, h2, list, regions
local d = factors.fuel{ "diesel" }
print(d.name, d.ncv, d.co2, d.co2_per_t, d.year)
print(d.source)
for _, f in ipairs{ "anthracite", "coking coal", "other bituminous coal", "sub-bituminous coal",
                    "lignite", "natural gas", "gas/diesel oil", "motor gasoline", "LPG",
                    "residual fuel oil", "other kerosene", "petroleum coke" } do
  local x = factors.fuel{ f }
  print(f, x.ncv, x.co2, string.format("%.4g", x.co2_per_t:value"tCO2/t"))
end
print(q"10 t" * factors.fuel{ "petrol" }.co2_per_t)

local c, ci = factors.sce{ "raw coal" }
print(c, ci.source)
print((factors.sce{ "原煤" }), (factors.sce{ "natural gas" }), (factors.sce{ "heat" }))
print((factors.sce{ "electricity", method = "calorific" }), (factors.sce{ "electricity", method = "coal", year = 2023 }))
print((factors.sce{ "natural gas", variant = "low" }), (factors.sce{ "natural gas", variant = "high" }),
      (factors.sce{ "natural gas", variant = "default" }))
print((q"1000 t" * factors.sce{ "raw coal" }):to"tce")
print((factors.sce{ "kgce" }), (factors.sce{ "toe" }), (factors.sce{ "tce" }), (factors.sce{ "tce" }):to"GJ")

for _, set in ipairs{ "SAR", "AR4", "AR5", "AR6", "AR6-fossil", "AR6-nonfossil" } do
  local g = factors.gwp{ set }
  print(g.set, g.ch4, g.n2o, g.year)
end
print(factors.gwp{ "AR5" }.source)

local w, wi = factors.hours{ "wind", year = 2023 }
print(w, wi.variant, wi.verify)
print((factors.hours{ "solar", year = 2023 }), (factors.hours{ "wind", year = 2023, period = "Jan-Nov" }))
print((factors.hours{ "year" }))
print(q"107 MW" * factors.hours{ "solar", year = 2023 })
print(q(100 * (factors.hours{ "solar", year = 2023 } / factors.hours{ "year" }), "%"))

print((factors.h2{ "lhv" }), (factors.h2{ "density" }), (factors.h2{ "electrolysis", variant = "low" }),
      (factors.h2{ "electrolysis", variant = "high" }), (factors.h2{ "electrolysis", variant = "max" }))
print(q"30 kg" * factors.h2{ "electrolysis", variant = "high" })

local all, flagged = factors.list(), factors.list("(verify)")
print(#all, #flagged)
for _, i in ipairs(factors.list("gansu")) do print(i.dataset, i.name, i.year, i.value, i.verify) end
local regions = factors.regions()
print(#regions, regions[1].id, regions[1].kind)
for _, r in ipairs(regions) do
  if r.iso == "CN-GS" then print(r.id, r.name_zh, r.grid, r.description) end
end

local function try(f, ...) print(pcall(f, ...)) end
try(factors.fuel, { "coal" })
try(factors.sce, { "electricity", method = "nuclear" })
try(factors.sce, { "electricity" })
try(factors.sce, { "electricity", method = "coal" })
try(factors.sce, { "natural gas", variant = "mid" })
try(factors.sce, { "natural gas", variant = "low", method = "coal" })
try(factors.sce, { "electricity", method = "coal", year = 2014 })
try(factors.gwp, { "AR7" })
try(factors.hours, { "wind", year = 2022 })
try(factors.hours, { "wind", year = 2023, period = "Q3" })
try(factors.h2, { "electrolysis" })
try(factors.fuel, { "diesel", year = 2006 })
try(function() factors.mine = 1 end)
