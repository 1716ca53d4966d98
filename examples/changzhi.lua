-- changzhi.lua — Changzhi (Shanxi): the new-energy share of a coal city's
-- power capacity, and what its pipeline of new-energy projects could do.
--
-- Seed 001: China Daily, "Changzhi city expands into green energy",
-- 2021-08-31.
-- In our words: Changzhi, a coal-mining city in south-eastern Shanxi, has set
-- its energy goals for the 14th Five-Year Plan (2021-2025) with outside
-- research help, lists 44 work measures in 10 fields (from smarter, safer coal
-- mining to solar power), and partners with large state energy groups and
-- research institutes. At the end of July 2021 about 9 GW of power capacity
-- stood in the city, 2.22 GW of it new energy (24.69 %); 61 new-energy
-- projects sat in the province's project bank.
--
-- The plan: capacity stocks (new energy; coal and other) from 2021, the power
-- sector's CO2 as coal generation x the national fossil-power factor, and the
-- 61 projects as additions that displace coal generation. Numbers from the
-- report carry source = SEED; the rest are assumptions, marked as such.
--
--   decarb examples/changzhi.lua       a short summary
--   decarb check examples/changzhi.lua 2 of 2 targets met (exit 0)

local SEED = "seed 001: China Daily 2021-08-31, Changzhi city expands into green energy"

-- Reference data shipped with decarb. Displacement method (the same in every
-- example): new-energy output is valued at the national fossil-power factor
-- (MEE/NBS), a proxy of the operating margin, because it replaces fossil
-- generation; a grid-average factor would count renewables as displaced too.
local fossil = factors.grid{ "CN-fossil", year = 2021 }       -- 0.8426 kgCO2/kWh
local solar_h = factors.hours{ "solar", year = 2023 }          -- 1286 h (verify)
local wind_h  = factors.hours{ "wind", year = 2023 }           -- 2225 h (verify)

local p = plan{ "Changzhi new-energy transition", region = "Changzhi, Shanxi",
                years = {2021, 2035}, source = SEED }

-- ---------------------------------------------------------------------------
-- Capacity at the end of July 2021 (the report): about 9 GW in all, 2.22 GW
-- new energy = 24.69 %. The total the share implies is 2.22 / 0.2469 = 8.99 GW.
local new_energy = q"2.22 GW"                       -- the capacity below (seed)
-- The total is rounded to 8.99 GW (2.22 / 0.2469 = 8.9915 GW), as DATA.md does:
-- derived exactly, the share target would compare 24.69 % with itself and
-- could never be missed; rounded, it judges the two published figures.
local total      = q"8.99 GW"                       -- computed: 2.22 GW / 24.69 %, rounded
-- assumption: new energy is two thirds solar, one third wind, so it runs
-- (2 x 1,286 h + 2,225 h) / 3 = 1,599 full-load hours a year (national 2023
-- averages; Changzhi's own hours are not published in the report).
local ne_hours = ((2 * solar_h + wind_h) / 3) / q"1 yr"
-- assumption: the coal and other plants run 4,500 full-load hours a year
-- (a typical figure for Shanxi's coal fleet in the early 2020s).
local coal_hours = q"4500 h" / q"1 yr"
p:capacity{ "new energy", [2021] = "2.22 GW", hours = ne_hours, source = SEED }
p:metric{ "installed capacity (report, about)", "9 GW", source = SEED .. ": about 9 million kW" }
p:capacity{ "coal and other", [2021] = total - new_energy, hours = coal_hours,
            source = "computed: 8.99 GW (seed 001: 2.22 GW / 24.69 %, rounded) - 2.22 GW" }

local ne_projects = 61         -- the projects in Shanxi's project bank (recorded below)
p:metric{ "new-energy projects in the provincial bank", 61, source = SEED }
-- The report's other figures, kept for the record as metrics (not modelled):
p:metric{ "key energy projects", 58, source = SEED .. " (provincial key projects 2021)" }
p:metric{ "key energy projects' investment", "74.61e9 yuan", source = SEED }
p:metric{ "measures", 44, source = SEED }
p:metric{ "fields of the measures", 10, source = SEED }
local key_projects, key_invest = 58, q"74.61e9 yuan"  -- for the summary
local measures, fields = 44, 10

-- ---------------------------------------------------------------------------
-- Power-sector CO2: what the coal and other plants generate, at the national
-- fossil-power factor (MEE & NBS 2021).
-- assumption: without new projects, demand on the coal fleet grows 2 % a year
-- (the fleet itself stays at 6.77 GW and runs longer hours).
local coal_gen = series.growth{ (total - new_energy) * coal_hours, from = 2021, rate = 0.02, to = 2035 }
p:sector{ "power", activity = coal_gen, factor = fossil,
          source = "assumption: 6.77 GW x 4,500 h, +2 %/yr, at the national fossil-power factor 2021" }

-- The 61 new-energy projects, as additions that displace coal generation.
-- assumption: they average 50 MW (3.05 GW in all) and connect evenly from
-- 2022 to 2025; the report gives neither their size nor their dates.
p:measure{ "61 projects in the provincial bank", sector = "power", adds = { ["new energy"] = ne_projects * q"50 MW" },
           start = 2022, full = 2025, displaces = fossil,
           source = "assumption: 50 MW each, 2022-2025, for the seed's 61 projects; "
                 .. "displacement valued at the national fossil-power factor" }
-- assumption: after 2025 the city keeps adding 0.5 GW of new energy a year.
p:measure{ "Further new energy after 2025", sector = "power", adds = { ["new energy"] = q"5 GW" },
           start = 2026, full = 2035, displaces = fossil,
           source = "assumption: 0.5 GW a year from 2026; displacement valued at the national "
                 .. "fossil-power factor" }

-- ---------------------------------------------------------------------------
-- Targets.
-- 1. The report's figure: new energy is 24.69 % of installed capacity in
--    2021 (here 2.22 / 8.99 = 24.694 %), and it must not fall below that later.
p:target{ "New energy >= 24.69 % of installed capacity (end of July 2021)",
          share = "new energy", of = "capacity", at_least = "24.69 %", by = 2021,
          every_year_after = true, source = SEED }
-- 2. China's national goal is to peak CO2 before 2030; here the power
--    sector's CO2 must not rise above its 2021-2030 maximum afterwards.
p:target{ "Power CO2 peaks by 2030", peak_by = 2030,
          source = "China's dual-carbon goal: CO2 peak before 2030" }

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  print("  new-energy share 2021:", q(100 * p:value("new energy", 2021) / p:value("capacity", 2021), "%"))
  print("  new-energy share 2025:", q(100 * p:value("new energy", 2025) / p:value("capacity", 2025), "%"))
  print("  new-energy hours:     ", (ne_hours * q"1 yr"):to"h")
  print("  power CO2 2021, 2030: ", p:value("power", 2021), p:value("power", 2030))
  print(string.format("  also in the report: %d key energy projects worth %.2f billion yuan;"
        .. " %d new-energy projects; %d measures in %d fields", key_projects,
        key_invest:value"yuan" / 1e9, ne_projects, measures, fields))
end
return p
