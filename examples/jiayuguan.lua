-- jiayuguan.lua — Jiayuguan (Gansu): a year's goal for connecting new-energy
-- capacity to the grid, and the CO2 the city's wind and solar displace.
--
-- Seed 000: Gansu Daily (New Gansu), "Enlarge Advantages, Improve Quality and
-- Accelerate Speed — Jiayuguan City Promotes Green and Low-Carbon
-- Development", 2023-08-13.
-- In our words: Jiayuguan, a steel city at the western end of the Hexi
-- Corridor, wants to connect 1 GW (one million kW) of new-energy capacity to
-- the grid in 2023 — more than it connected in the whole previous decade.
-- Its first solar station, Huadian's 107 MW Jiaxi PV park, is the biggest
-- single-site solar plant in the Hexi region. The city also builds wind
-- towers for export, and its steel group JISCO makes 1.2 Mt of stainless
-- steel a year and holds 70 % of China's market for high-end razor steel.
--
-- The plan: capacity stocks of PV and wind from 2020, the 2023 connections
-- as measures, and targets on what is connected in 2023 and on how that
-- compares with the years before. Numbers from the report carry
-- source = SEED; the rest are assumptions, marked as such.
--
--   decarb examples/jiayuguan.lua        a short summary
--   decarb check examples/jiayuguan.lua  2 of 2 targets met (exit 0)

local SEED = "seed 000: Gansu Daily 2023-08-13, Jiayuguan green and low-carbon development"

-- Reference data shipped with decarb.
-- Displacement method (the same in every example): new wind and PV output is
-- valued at the national fossil-power factor (MEE/NBS), a proxy of the
-- operating margin, because it replaces fossil generation. Gansu's average
-- factor (0.4772) would count the province's own wind and solar as displaced
-- too, about 40 % too low.
local fossil = factors.grid{ "CN-fossil", year = 2023 }       -- 0.8273 kgCO2/kWh
-- Full-load hours: national 2023 averages (verify). assumption: Jiayuguan's
-- sunny, windy Gobi does at least as well, so these are conservative.
local pv_hours   = factors.hours{ "solar", year = 2023 } / q"1 yr"   -- 1286 h a year
local wind_hours = factors.hours{ "wind", year = 2023 } / q"1 yr"    -- 2225 h a year

local p = plan{ "Jiayuguan new-energy grid connection", region = "Jiayuguan, Gansu",
                years = {2020, 2030}, source = SEED }

-- ---------------------------------------------------------------------------
-- Stocks. The Jiaxi PV park (107 MW) is the city's first solar station.
-- assumption: it was in service before 2020 (the report does not date it).
local jiaxi = q"107 MW"                                        -- the capacity below
p:capacity{ "Jiaxi PV", [2020] = "107 MW", hours = pv_hours, source = SEED }
-- assumption: by the end of 2022 the city had about 0.6 GW of new energy in
-- all (Jiaxi, 200 MW of other PV, 300 MW of wind): less than 1 GW, as the
-- report implies when it says 2023 alone will exceed the previous decade.
p:capacity{ "other PV", [2020] = "200 MW", hours = pv_hours,
            source = "assumption: other PV at the end of 2022" }
p:capacity{ "wind", [2020] = "300 MW", hours = wind_hours,
            source = "assumption: wind at the end of 2022" }

-- ---------------------------------------------------------------------------
-- The 2023 programme. The report gives the goal (1 GW connected in 2023) but
-- not the projects. assumption: the city meets it with 600 MW of wind (the
-- desert wind base) and 400 MW of PV, all connected in 2023.
p:measure{ "Wind connected in 2023", adds = { wind = "600 MW" }, year = 2023,
           source = "assumption: 600 MW of the 2023 goal is wind" }
p:measure{ "PV connected in 2023", adds = { ["other PV"] = "400 MW" }, year = 2023,
           source = "assumption: 400 MW of the 2023 goal is PV" }

-- What is connected in a year: the year-on-year change of the capacity
-- (this year's stock less last year's; 0 in 2020, the plan's first year).
p:metric{ "connected in the year", diff = "capacity",
          source = "computed: capacity minus the year before" }

-- The report's comparison: 2023's connections against everything connected
-- in the years before (the stock at the end of the previous year).
p:metric{ "lead over all earlier", function(_, v)
  local added = v["connected in the year"]
  return added - (v.capacity - added)
end, unit = "MW", source = "computed: connected in the year minus the stock before it" }

-- CO2 the city's wind and solar displace, by the fossil-factor method.
p:metric{ "CO2 displaced (fossil factor)", function(_, v) return v.generation * fossil end,
          unit = "ktCO2/yr",
          source = "computed: generation x national fossil-power factor 2023 (MEE/NBS), "
                .. "the displacement method of every example" }

-- The report's other figures, kept for the record as metrics (not modelled):
p:metric{ "JISCO stainless capacity", "1.2 Mt/yr", source = SEED .. " (3rd in China)" }
p:metric{ "razor steel share", "70 %", source = SEED .. " (domestic high-end razor steel market)" }
p:metric{ "problems solved", 41, source = SEED .. " (production, financing, grid issues)" }

-- ---------------------------------------------------------------------------
-- Targets.
-- 1. The report's goal: 1 GW of new energy connected to the grid in 2023.
p:target{ "1 GW of new energy connected in 2023", metric = "connected in the year",
          at_least = "1 GW", by = 2023, source = SEED }
-- 2. The report's comparison: 2023 alone connects more than the whole
--    decade before it. This checks the assumed 0.6 GW stock against the
--    report: with more than 1 GW before 2023 it would be missed.
p:target{ "2023 connects more than all years before it", metric = "lead over all earlier",
          at_least = "0 MW", by = 2023, source = SEED }

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  print("  connected in 2023:   ", p:value("connected in the year", 2023))
  print("  new energy 2022, 2023:", p:value("capacity", 2022), p:value("capacity", 2023))
  print("  Jiaxi PV generation: ", (jiaxi * pv_hours):to"GWh/yr")
  print("  CO2 displaced 2023:  ", p:value("CO2 displaced (fossil factor)", 2023))
  print("  JISCO stainless:     ", p:value("JISCO stainless capacity", 2023), "razor steel share:",
        p:value("razor steel share", 2023), "problems solved:", p:value("problems solved", 2023))
end
return p
