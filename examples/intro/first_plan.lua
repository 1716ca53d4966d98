-- first_plan.lua — a first plan: one sector, two measures, two targets and a
-- scenario, read back year by year. Run it with:
--   decarb examples/intro/first_plan.lua          (this walk-through)
--   decarb check examples/intro/first_plan.lua    (the report; exit 1: a target is missed)
-- The numbers echo Zhangye's wall insulation (seed 002: 9,428 tCO2 a year
-- saved on 304 buildings); the baseline and its growth are assumptions.

local p = plan{ "First plan: 304 buildings in Zhangye", region = "Zhangye, Gansu",
                years = {2020, 2030}, source = "teaching example after seed 002" }

-- A sector and its business-as-usual (BAU) emissions.
-- assumption: heating and electricity of the buildings emit 31,400 tCO2 a year
-- in 2020, growing 1 % a year.
p:sector{ "buildings", emissions = series.growth{ "31400 tCO2e/yr", from = 2020, rate = "1 %", to = 2030 },
          source = "assumption" }

-- Measures: what they abate, from when, ramping to full effect.
p:measure{ "Wall insulation", sector = "buildings", abates = "9428 tCO2e/yr",
           start = 2021, full = 2023, source = "seed 002: 886,100 m2 of walls" }
-- assumption: rooftop PV on the buildings from 2026 replaces 2 GWh of grid
-- electricity a year, counted at Gansu's grid factor (from decarb's data).
p:measure{ "Rooftop PV", sector = "buildings", saves = "2 GWh/yr",
           factor = factors.grid{ "CN-Gansu", year = 2022 }, start = 2026, source = "assumption" }

-- Targets: executable checks with a verdict for every year they speak of.
p:target{ "Buildings CO2 peaks by 2025", peak_by = 2025 }
p:target{ "Buildings CO2 -35 % vs 2020 by 2030", reduce = "35 %", from = 2020, by = 2030 }

-- A scenario: the plan, with one measure changed.
-- The plan as written misses the -35 % target; "deeper" insulates better
-- (decarb check --scenario deeper examples/intro/first_plan.lua: all met).
p:scenario{ "deeper", change = { ["Wall insulation"] = { abates = "14000 tCO2e/yr" } },
            source = "assumption: deeper retrofit" }

if arg then -- run as a script: walk through the results (decarb check prints the report)
  print(p)
  print("emissions, plan:", p:series("emissions"))
  print("emissions, BAU: ", p:series("emissions", "BAU"))
  print("wedge of the insulation in 2030:", p:wedges()["Wall insulation"][2030])
  for _, scen in ipairs{ "plan", "deeper" } do
    local r = p:check(scen)
    print(string.format("scenario %-7s %d of %d targets met", scen, r.met, r.total))
    for _, t in ipairs(r.targets) do
      print(string.format("  %-36s %-6s value %s, bound %s", t.name, t.met and "met" or "MISSED",
                          tostring(t.value), tostring(t.bound)))
    end
  end
  -- Goal seeking: the script ran once; only the C evaluation repeats.
  local lo, hi = 0, 20000
  for _ = 1, 40 do
    local mid = (lo + hi) / 2
    p:set("Wall insulation", "abates", q(mid, "tCO2e/yr"))
    if p:check().targets[2].met then hi = mid else lo = mid end
  end
  print(string.format("the insulation would need to abate %.0f tCO2e a year to meet -35 %%", hi))
end
return p
