-- p:metric{ NAME, diff = METRIC }: the year-on-year change of an earlier
-- metric, computed by the core (0 in the first year), in every scenario and
-- whatever order years are read in; errors at the script's line
local p = plan{ "Diff", years = {2020, 2025} }
p:sector{ "all", emissions = series{ [2020] = "100 tCO2e/yr", [2025] = "150 tCO2e/yr" } }
p:capacity{ "PV", [2020] = "10 MW", [2022] = "30 MW", hours = "1000 h/yr" }
p:measure{ "park", sector = "all", adds = { PV = "5 MW" }, year = 2024, displaces = "0.002 tCO2/MWh" }
p:metric{ "PV added", diff = "PV", source = "computed: PV minus the year before" }
p:metric{ "added kW", diff = "capacity", unit = "kW" }
p:metric{ "emissions change", diff = "emissions" }
p:metric{ "stock before", function(_, v) return v.PV - v["PV added"] end, unit = "MW" }
p:target{ "at least 5 MW added in 2024", metric = "PV added", at_least = "5 MW", by = 2024 }

print(p:series("PV added"))
print(p:series("PV added", "BAU"))
print(p:value("added kW", 2021), p:value("stock before", 2024))
print(p:series("emissions change"))
print(p:check().targets[1].met)
print(table.concat(p.metrics, ", "))

local function try(t)
  local ok, err = pcall(function() p:metric(t) end)
  print(ok, err)
end
try{ "x", diff = "wind" }
try{ "x", diff = "PV", unit = "h" }
try{ "x", diff = "PV", "3 MW" }
try{ "PV added", diff = "PV" }
try{ "x", diff = 3 }
