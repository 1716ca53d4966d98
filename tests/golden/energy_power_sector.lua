-- energy_power_sector: a sector with power = true lists the fuels the plan's
-- power plants burn: its coal counts in coal, primary_energy and co2 but not
-- in final energy, and the electricity the other sectors use is not counted
-- again; net imports take the grid factor (docs/energy.md, worked example
-- "A power sector": 2022, calorific; by hand primary = 300,000 + 50,000 +
-- 0.1229 x 0.9e9 / 1000 = 460,610 tce; CO2 = 831,749.688 (coal) +
-- 82,207.818 (gas) + 55,000 (0.1 TWh imported x 0.55 kg/kWh) t)
local p = plan{ "power", years = {2022, 2022}, primary = "calorific", grid = "0.55 kgCO2/kWh",
                imports = "0.1 TWh/yr" }
p:sector{ "power", power = true, energy = { coal = "300000 tce/yr" } }
p:sector{ "industry", energy = { natural_gas = "50000 tce/yr", electricity = "2 TWh/yr" } }
p:capacity{ "wind", capacity = "0.4 GW", hours = "2000 h/yr" }
local function v(m, unit) return string.format("%.3f", p:value(m, 2022):value(unit)) end
print("energy", v("energy", "tce/yr"), "tce/yr (50,000 tce of gas + 2 TWh = 245,670.065 tce)")
print("electricity", v("electricity", "GWh/yr"), "GWh/yr")
print("coal", v("coal", "tce/yr"), "tce/yr")
print("primary_energy", v("primary_energy", "tce/yr"), "tce/yr")
print("co2", v("co2", "tCO2/yr"), "tCO2/yr")
print("power", v("power", "tCO2e/yr"), "tCO2e/yr")
print("industry", v("industry", "tCO2e/yr"), "tCO2e/yr (its electricity is the power sector's)")
