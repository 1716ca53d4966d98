-- energy_fields: the other energy fields, each with a value computed by hand
-- (docs/energy.md): activity x intensity, the plan's own fuel factor
-- (factors =), a named coal type (lignite: its own factor, counted in coal),
-- a sector's process CO2 beside its fuels, a sector's own grid factor, heat
-- at the plan's heat_factor, and fossil = false for a capacity whose name
-- says neither. 1 tce = 29.3076 GJ; 1 GWh = 1e6 / 8,141 tce.
local p = plan{ "fields", years = {2025, 2025}, primary = "calorific", grid = "0.5 kgCO2/kWh",
                heat_factor = "0.11 tCO2/GJ", factors = { coal = "90000 kgCO2/TJ" } }
-- 10 kt x 0.1 tce/t = 1,000 tce of coal: 29.3076 TJ x 90 t/TJ = 2,637.684 t
p:sector{ "steel", activity = "10 kt/yr", intensity = { coal = "0.1 tce/t" } }
-- 1,000 tce of lignite: 29.3076 TJ x 101 t/TJ = 2,960.0676 t, + 100 t of process CO2
p:sector{ "bricks", energy = { lignite = "1000 tce/yr" }, emissions = "100 tCO2/yr" }
-- 1 GWh x 0.4 kg/kWh (its own grid) = 400 t; 1,000 GJ of heat x 0.11 t/GJ = 110 t
p:sector{ "offices", energy = { electricity = "1 GWh/yr", heat = "1000 GJ/yr" }, grid = "0.4 kgCO2/kWh" }
-- 1 MW x 1,000 h = 1 GWh, non-fossil: the offices' whole demand, so no imports
p:capacity{ "rooftop units", capacity = "1 MW", hours = "1000 h/yr", fossil = false }
local function v(m, unit) return string.format("%.6f", p:value(m, 2025):value(unit)) end
-- final energy = 1,000 + 1,000 + 122.835 + 34.120842 tce
print("energy", v("energy", "tce/yr"))
print("coal", v("coal", "tce/yr"), "(coal and lignite)")
-- primary = 2,000 (the fuels; heat is not primary) + 1e6 kWh x 0.1229 kg = 2,122.9 tce
print("primary_energy", v("primary_energy", "tce/yr"), "nonfossil_share", v("nonfossil_share", "%"))
print("steel", v("steel", "tCO2e/yr"), "bricks", v("bricks", "tCO2e/yr"), "offices", v("offices", "tCO2e/yr"))
print("co2", v("co2", "tCO2/yr"))
