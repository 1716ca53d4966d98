-- energy_switch: switch = { from, to, share, efficiency } moves share x ramp
-- of the sector's BAU use of `from` to `to`, conserving useful energy: the
-- coal removed is exactly efficiency x the electricity added (docs/energy.md,
-- worked example "A switch": 40 % of 1,000 tce/yr of coal boilers to heat
-- pumps of efficiency 3, grid 0.5 kgCO2/kWh, 1 tce = 8,141 kWh)
local p = plan{ "switch", years = {2021, 2023}, grid = "0.5 kgCO2/kWh" }
p:sector{ "heating", energy = { coal = "1000 tce/yr" } }
p:measure{ "heat pumps", sector = "heating",
           switch = { from = "coal", to = "electricity", share = "40 %", efficiency = 3 },
           start = 2022, full = 2023 }

local function show(metric, unit)
  local t = {}
  for y = 2021, 2023 do t[#t + 1] = string.format("%.6f", p:value(metric, y):value(unit)) end
  print(metric .. " (" .. unit .. "): " .. table.concat(t, ", "))
end
show("energy:coal", "tce/yr")
show("energy:electricity", "tce/yr")
show("electricity", "kWh/yr")
show("energy", "tce/yr")
show("coal", "tce/yr")
show("co2", "tCO2/yr")
local w = p:wedges()["heat pumps"]
print(string.format("wedge heat pumps (tCO2/yr): %.6f, %.6f, %.6f", w[2021]:value"tCO2e/yr",
                    w[2022]:value"tCO2e/yr", w[2023]:value"tCO2e/yr"))
-- useful energy: removed = 3 x added, every year the switch runs
for y = 2022, 2023 do
  local removed = (p:value("energy:coal", y, "BAU") - p:value("energy:coal", y)):value"tce/yr"
  local added = (p:value("energy:electricity", y) - p:value("energy:electricity", y, "BAU")):value"tce/yr"
  print(y, string.format("removed / added = %.9f", removed / added))
end
