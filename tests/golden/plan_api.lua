-- every Lua-visible function and field of the plan API (docs/plan.md)
local p = plan{ "Test city", region = "Somewhere", years = {2020, 2025}, source = "seed 000" }
print(p)
print(p.name, p.region, p.source, p.years[1], p.years[2])
local p2 = plan.new{ "Second", years = {2020, 2021} }
print(p2)

p:sector{ "buildings", emissions = "100 tCO2e/yr", source = "yearbook" }
p:sector{ "power", activity = "1000 MWh/yr", factor = "0.5 tCO2/MWh" }
p:capacity{ "PV", [2020] = "10 MW", [2024] = "30 MW", hours = "1000 h/yr" }
p:capacity{ "coal", capacity = "90 MW", hours = "4000 h/yr" }
p:metric{ "GDP", series{ [2020] = "1000 yuan/yr", [2025] = "1500 yuan/yr" } }
p:metric{ "half", function(year, v) return v.emissions / 2 end, unit = "tCO2e/yr" }

p:measure{ "Retrofit", sector = "buildings", abates = "30 tCO2e/yr", start = 2021, full = 2023, source = "seed 002" }
p:measure{ "School", sector = "power", saves = "100 MWh/yr", factor = "0.5 tCO2/MWh", start = 2022 }
p:measure{ "PV park", sector = "power", adds = { PV = "0.1 MW" }, year = 2023, displaces = "0.5 tCO2/MWh" }
p:measure{ "Buses", sector = "buildings", abates = function(year) return q"2 tCO2e/yr" * (year - 2020) end, stop = 2024 }

p:target{ "At most 520 t by 2025", at_most = "520 tCO2e/yr", by = 2025 }
p:target{ "PV share", share = "PV", of = "capacity", at_least = "25 %", by = 2024 }
p:scenario{ "no retrofit", drop = { "Retrofit" } }

print(table.concat(p.metrics, ", "))
print(table.concat(p.measures, ", "))
print(table.concat(p.targets, ", "))
print(table.concat(p.scenarios, ", "))

local e = p:series("emissions")
for y = 2020, 2025 do print(y, e[y]) end
print(p:value("PV", 2024), p:value("generation", 2024), p:value("half", 2025))
print(p:value("emissions", 2025, "no retrofit"), p:value("emissions", 2025, "BAU"))

local r = p:check()
print(r.scenario, r.met, r.total)
for _, t in ipairs(r.targets) do
  print(t.name, t.kind, t.met, t.deciding, t.first_met, t.first_failed, tostring(t.margin), t.value, t.bound)
end
local w = p:wedges()
print(w.Retrofit[2025], w.School[2025], w["PV park"][2025], w.Buses[2024], w.Buses[2025])
print(#p:warnings())

p:set("Retrofit", "abates", "60 tCO2e/yr"):set("School", "scale", 2):set("PV park", "start", 2021)
print(p:value("emissions", 2025), p:check().met)
p:set("Retrofit", "full", 2025):set("Retrofit", "stop", 2024):set("Retrofit", "start", 2022)
print(p:value("emissions", 2024), p:value("emissions", 2025))
return p
