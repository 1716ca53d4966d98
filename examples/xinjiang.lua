-- xinjiang.lua — Xinjiang: its share of China's solar and wind generation in
-- 2023, as share targets on generation metrics.
--
-- Seed 003: Science and Technology Daily, "Xinjiang: Continuously improve the
-- gold, green and intelligent content of manufacturing industry",
-- 2024-05-22 (a State Council Information Office press conference of 21 May).
-- In our words: the region's government chairman presented Xinjiang as a
-- national base for energy and resources — oil, gas and coal, and more and
-- more wind and solar on the Gobi. In 2023 the region produced 4.6 % of
-- China's solar power and 7.3 % of its wind power, and it ranked second among
-- provinces for new-energy capacity connected to the grid. It also published
-- a list of one hundred low-carbon technologies for industry.
--
-- The report gives shares, not amounts. To check them the plan needs both
-- sides of each share from something other than the share itself: China's
-- 2023 totals (an assumption, cited below) and Xinjiang's own generation,
-- built from assumed capacity in service times national full-load hours
-- (decarb's reference data). The share targets then compare that derived
-- share with the report's figure, so a change of input (less capacity, fewer
-- hours) can move a verdict across its bound; tests/golden/example_xinjiang_
-- perturb checks that it does. Numbers from the report carry source = SEED.
--
--   decarb examples/xinjiang.lua        a short summary
--   decarb check examples/xinjiang.lua  2 of 2 targets met (exit 0)

local SEED = "seed 003: Science and Technology Daily 2024-05-22, Xinjiang press conference"
local CEC = "assumption: China Electricity Council, national power statistics 2023 "
         .. "(grid-connected wind 885.9 TWh, solar 583.3 TWh; approximate, verify)"

-- Reference data shipped with decarb. Displacement method (the same in every
-- example): wind and solar output valued at the national fossil-power factor
-- (MEE/NBS), a proxy of the operating margin. Xinjiang's average factor
-- (0.6231 in 2022) would count its own wind and solar as displaced too.
local fossil = factors.grid{ "CN-fossil", year = 2023 }            -- 0.8273 kgCO2/kWh
local wind_hours  = factors.hours{ "wind", year = 2023 } / q"1 yr"   -- 2225 h a year
local solar_hours = factors.hours{ "solar", year = 2023 } / q"1 yr"  -- 1286 h a year

local p = plan{ "Xinjiang wind and solar in 2023", region = "Xinjiang Uygur Autonomous Region",
                years = {2023, 2023}, source = SEED }

-- ---------------------------------------------------------------------------
-- China's generation in 2023.
-- assumption: grid-connected wind generated 885.9 TWh and solar 583.3 TWh in
-- China in 2023 (together the 1.47 trillion kWh the energy administration
-- reported for wind and solar that year).
p:metric{ "China solar", "583.3 TWh/yr", source = CEC }
p:metric{ "China wind", "885.9 TWh/yr", source = CEC }

-- Xinjiang's generation: capacity in service x national full-load hours.
-- assumption: on average over 2023 Xinjiang had 29.5 GW of wind and 21 GW of
-- solar in service. These are not taken from a statistic (unverified): they
-- are near what the report's shares imply at national hours. Xinjiang's own
-- hours are likely higher (more wind and sun, but also more curtailment).
p:capacity{ "Xinjiang wind", [2023] = "29.5 GW", hours = wind_hours,
            source = "assumption: Xinjiang wind capacity in service, 2023 average (unverified)" }
p:capacity{ "Xinjiang solar", [2023] = "21 GW", hours = solar_hours,
            source = "assumption: Xinjiang solar capacity in service, 2023 average (unverified)" }

-- What Xinjiang's wind and solar output displaces, by the fossil-factor method.
p:metric{ "CO2 displaced (fossil factor)", function(_, v) return v.generation * fossil end,
          unit = "MtCO2/yr",
          source = "computed: Xinjiang wind + solar generation x national fossil-power factor "
                .. "2023 (MEE/NBS), the displacement method of every example" }
-- The report's rank, for the record: 2nd among provinces for new-energy
-- capacity connected to the grid.
p:metric{ "rank in new-energy grid connection", 2, source = SEED }
p:metric{ "low-carbon technologies listed", 100, source = SEED }

-- ---------------------------------------------------------------------------
-- Targets: the report's shares, against the derived generation. A share
-- given to one decimal, like 4.6 %, stands for anything from 4.55 % up to
-- 4.65 %, so each target asks for at least the lower end of the report's
-- figure (4.6 % -> 4.55 %, 7.3 % -> 7.25 %).
p:metric{ "Xinjiang solar generation", function(_, v) return v["generation:Xinjiang solar"] end,
          unit = "TWh/yr", source = "computed: Xinjiang solar capacity x hours" }
p:metric{ "Xinjiang wind generation", function(_, v) return v["generation:Xinjiang wind"] end,
          unit = "TWh/yr", source = "computed: Xinjiang wind capacity x hours" }
p:target{ "Xinjiang solar >= 4.6 % of China's solar generation in 2023",
          share = "Xinjiang solar generation", of = "China solar", at_least = "4.55 %", by = 2023,
          source = SEED .. ": 4.6 %" }
p:target{ "Xinjiang wind >= 7.3 % of China's wind generation in 2023",
          share = "Xinjiang wind generation", of = "China wind", at_least = "7.25 %", by = 2023,
          source = SEED .. ": 7.3 %" }

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  print("  Xinjiang solar, wind:", p:value("Xinjiang solar generation", 2023),
        p:value("Xinjiang wind generation", 2023))
  print("  solar share, wind share:",
        q(100 * p:value("Xinjiang solar generation", 2023) / p:value("China solar", 2023), "%"),
        q(100 * p:value("Xinjiang wind generation", 2023) / p:value("China wind", 2023), "%"))
  print("  CO2 displaced:       ", p:value("CO2 displaced (fossil factor)", 2023), "at", fossil)
end
return p
