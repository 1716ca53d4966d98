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
-- The report gives shares, not amounts. To turn them into TWh the plan needs
-- China's 2023 totals, which are an assumption here (cited below); the share
-- targets then check that the plan's generation reproduces the report's
-- figures, and a metric shows what that output displaces at Xinjiang's grid
-- factor. Numbers from the report carry source = SEED.
--
--   decarb examples/xinjiang.lua        a short summary
--   decarb check examples/xinjiang.lua  2 of 2 targets met (exit 0)

local SEED = "seed 003: Science and Technology Daily 2024-05-22, Xinjiang press conference"
local CEC = "assumption: China Electricity Council, national power statistics 2023 "
         .. "(grid-connected wind 885.9 TWh, solar 583.3 TWh; approximate, verify)"

-- Reference data shipped with decarb: Xinjiang's grid factor, latest year (2022).
local grid, grid_info = factors.grid{ "CN-Xinjiang", year = 2022 }   -- 0.6231 kgCO2/kWh

local p = plan{ "Xinjiang wind and solar in 2023", region = "Xinjiang Uygur Autonomous Region",
                years = {2023, 2023}, source = SEED }

-- ---------------------------------------------------------------------------
-- China's generation in 2023.
-- assumption: grid-connected wind generated 885.9 TWh and solar 583.3 TWh in
-- China in 2023 (together the 1.47 trillion kWh the energy administration
-- reported for wind and solar that year).
local china_solar = q"583.3 TWh/yr"
local china_wind  = q"885.9 TWh/yr"
p:metric{ "China solar", china_solar, source = CEC }
p:metric{ "China wind", china_wind, source = CEC }

-- Xinjiang's shares (the report), and the generation they imply.
local solar_share = q"4.6 %"                                   -- source: SEED
local wind_share  = q"7.3 %"                                   -- source: SEED
p:metric{ "Xinjiang solar", china_solar * solar_share, source = SEED .. " (4.6 % x China)" }
p:metric{ "Xinjiang wind", china_wind * wind_share, source = SEED .. " (7.3 % x China)" }

-- What Xinjiang's wind and solar output displaces at its own grid factor.
p:metric{ "CO2 displaced", function(_, v) return (v["Xinjiang solar"] + v["Xinjiang wind"]) * grid end,
          unit = "MtCO2e/yr", source = "computed: Xinjiang wind + solar x " .. grid_info.source }

-- ---------------------------------------------------------------------------
-- Targets: the report's shares. A share given to one decimal, like 4.6 %,
-- stands for anything from 4.55 % up to 4.65 %, so each target asks for at
-- least the lower end; this also keeps the verdict safe from the last bit of
-- floating-point rounding.
p:target{ "Xinjiang solar = 4.6 % of China's solar generation in 2023",
          share = "Xinjiang solar", of = "China solar", at_least = "4.55 %", by = 2023,
          source = SEED }
p:target{ "Xinjiang wind = 7.3 % of China's wind generation in 2023",
          share = "Xinjiang wind", of = "China wind", at_least = "7.25 %", by = 2023,
          source = SEED }

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  print("  Xinjiang solar, wind:", p:value("Xinjiang solar", 2023):to"TWh/yr",
        p:value("Xinjiang wind", 2023):to"TWh/yr")
  print("  solar share, wind share:",
        q(100 * p:value("Xinjiang solar", 2023) / p:value("China solar", 2023), "%"),
        q(100 * p:value("Xinjiang wind", 2023) / p:value("China wind", 2023), "%"))
  print("  CO2 displaced:       ", p:value("CO2 displaced", 2023), "at", grid)
end
return p
