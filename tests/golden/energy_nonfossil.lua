-- energy_nonfossil: primary_energy and nonfossil_share in both methods
-- (docs/energy.md, worked example "The non-fossil share, both methods"):
-- 2023, industry burns 600,000 tce of coal and 100,000 tce of gas and uses
-- 2 TWh; local non-fossil generation 1.5 TWh (1 GW of solar x 1,500 h), no
-- fossil plant, so net imports are 0.5 TWh.
--   calorific (0.1229 kgce/kWh): 184,350 / 945,800 = 19.491436 %
--   coal (2023: 0.303 kgce/kWh): 454,500 / 1,306,000 = 34.800919 %
--   calorific, 40 % of imports non-fossil: 208,930 / 945,800 = 22.090294 %
-- and "Fossil generation without a power sector": 2021, demand 1.5 TWh, 1 TWh
-- of local coal power (counted as coal at 0.3025 kgce/kWh), 0.5 TWh of solar.
local function province(primary, extra)
  local t = { "share " .. primary, years = {2023, 2023}, primary = primary, grid = "0.5306 kgCO2/kWh" }
  for k, v in pairs(extra or {}) do t[k] = v end
  local p = plan(t)
  p:sector{ "industry", energy = { coal = "600000 tce/yr", natural_gas = "100000 tce/yr",
                                   electricity = "2 TWh/yr" } }
  p:capacity{ "solar", capacity = "1 GW", hours = "1500 h/yr" }
  return p
end

local function show(p, y, what)
  local imp = p:value("electricity", y) - p:value("generation", y)
  print(what, string.format("primary %.3f tce/yr, share %.6f %%, imports %.3f GWh/yr", p:value("primary_energy", y):value"tce/yr",
                            p:value("nonfossil_share", y):value"%", imp:value"GWh/yr"))
end
show(province("calorific"), 2023, "calorific")
show(province("coal"), 2023, "coal")
show(province("calorific", { imports_nonfossil = "40 %" }), 2023, "calorific, imports 40 % non-fossil")

local g = plan{ "fossil generation", years = {2021, 2021}, primary = "calorific", grid = "0.6 kgCO2/kWh" }
g:sector{ "all", energy = { electricity = "1.5 TWh/yr" } }
g:capacity{ "coal power", capacity = "1 GW", hours = "1000 h/yr" }
g:capacity{ "solar", capacity = "0.5 GW", hours = "1000 h/yr" }
show(g, 2021, "fossil generation")
print(string.format("coal %.3f tce/yr, co2 %.3f tCO2/yr", g:value("coal", 2021):value"tce/yr",
                    g:value("co2", 2021):value"tCO2/yr"))
