-- energy_saves: an efficiency measure on energy (saves = S, fuel = NAME)
-- lowers energy, energy:coal, coal, primary_energy and the energy intensity
-- by exactly its saving x its ramp, and abates its saving x the fuel's CO2
-- factor (docs/energy.md, worked example "An efficiency saving"; by hand:
-- 1,000 tce of coal = 29.3076 TJ x 94.6 t/TJ = 2,772.49896 tCO2)
local p = plan{ "saves", years = {2021, 2023}, primary = "calorific" }
p:sector{ "industry", energy = { coal = "1000 tce/yr" } }
p:metric{ "GDP", "10 万yuan/yr" }
p:measure{ "motors", sector = "industry", saves = "100 tce/yr", fuel = "coal", start = 2022, full = 2023 }
p:target{ "energy intensity -9 %", metric = "primary_energy", per = "GDP", reduce = "9 %", from = 2021, by = 2023 }

local function show(metric, unit, scen)
  local t = {}
  for y = 2021, 2023 do t[#t + 1] = string.format("%.6f", p:value(metric, y, scen):value(unit)) end
  print(metric .. (scen and " [" .. scen .. "]" or "") .. " (" .. unit .. "): " .. table.concat(t, ", "))
end
show("energy", "tce/yr")
show("energy:coal", "tce/yr")
show("coal", "tce/yr")
show("primary_energy", "tce/yr")
show("primary_energy", "tce/yr", "BAU")
show("co2", "tCO2/yr")
show("co2", "tCO2/yr", "BAU")
show("emissions", "tCO2e/yr")
local w = p:wedges()
print(string.format("wedge motors (tCO2/yr): %.6f, %.6f, %.6f", w.motors[2021]:value"tCO2e/yr",
                    w.motors[2022]:value"tCO2e/yr", w.motors[2023]:value"tCO2e/yr"))
local r = p:check().targets[1]
print(r.name, r.met, string.format("value %.6f, bound %.6f tce/万yuan", r.value:value"tce/万yuan", r.bound:value"tce/万yuan"))
local i = p:series("primary_energy") / p:series("GDP")
print(string.format("intensity (tce/万yuan): %.6f, %.6f, %.6f", i[2021]:value"tce/万yuan", i[2022]:value"tce/万yuan",
                    i[2023]:value"tce/万yuan"))

-- saving electricity ("Saving electricity"): 1 TWh/yr of demand, nothing
-- generated locally, so net imports = demand; 100 GWh saved from 2023 lowers
-- primary energy by exactly 12,290 tce (calorific: 0.1229 kgce/kWh), and by
-- the year's coal per kWh in the coal method (2021: 0.3025 x 1e9 kWh =
-- 302,500 tce; 2023: 0.303 x 0.9e9 = 272,700); CO2 at 0.5306 kg/kWh
for _, method in ipairs{ "calorific", "coal" } do
  local e = plan{ "electricity " .. method, years = {2021, 2023}, primary = method, grid = "0.5306 kgCO2/kWh" }
  e:sector{ "buildings", energy = { electricity = "1 TWh/yr" } }
  e:measure{ "lighting", sector = "buildings", saves = "100 GWh/yr", fuel = "electricity", start = 2023 }
  local function f(m, y, u) return string.format("%.3f", e:value(m, y):value(u)) end
  print(method, "primary", f("primary_energy", 2021, "tce/yr"), f("primary_energy", 2023, "tce/yr"),
        "energy", f("energy", 2023, "GWh/yr"), "co2", f("co2", 2021, "tCO2/yr"), f("co2", 2023, "tCO2/yr"))
end
