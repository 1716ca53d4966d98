-- guian.lua — Gui'an (Guizhou): a green industrial park checked as a
-- scorecard of indicators, with targets that count.
--
-- Seed 004: Guiyang municipal government / China Daily, "Gui'an FTZ listed as
-- a green industrial park", 2024-01-26.
-- In our words: the Ministry of Industry and Information Technology put the
-- Gui'an free trade zone on its 2023 list of green industrial parks. The zone
-- hosts big-data, electronics, equipment and food firms — over 100 companies,
-- 30 of them above the statistical size threshold (20 million yuan of revenue
-- a year), 15 with more than 100 million yuan of turnover and 18 high-tech
-- firms. It counts seven national green data centres, one national and two
-- provincial green factories, two sewage plants, and it has made its power
-- supply greener (gas, a multi-energy distributed station) — without figures
-- for energy or CO2.
--
-- A park evaluation is a list of indicators with thresholds, so this plan has
-- no emission sectors: it holds the counts as metrics and checks them with
-- at_least targets. Numbers from the report carry source = SEED.
--
--   decarb examples/guian.lua        a short summary
--   decarb check examples/guian.lua  5 of 5 targets met (exit 0)

local SEED = "seed 004: Guiyang gov / China Daily 2024-01-26, Gui'an FTZ green industrial park"

-- The MIIT list is for 2023; the plan is that one year.
local p = plan{ "Gui'an FTZ green industrial park", region = "Gui'an New Area, Guizhou",
                years = {2023, 2023}, source = SEED }

-- A count is a plain number (unit "1").
local function count(n) return n end

-- ---------------------------------------------------------------------------
-- Indicators the report gives.
p:metric{ "companies",                 count(100), source = SEED .. " (more than 100)" }
p:metric{ "above designated size",     count(30),  source = SEED .. " (revenue >= 20 M yuan a year)" }
p:metric{ "turnover over 100 M yuan",  count(15),  source = SEED }
p:metric{ "high-tech enterprises",     count(18),  source = SEED }
p:metric{ "national green data centres", count(7), source = SEED }
p:metric{ "national green factories",  count(1),   source = SEED }
p:metric{ "provincial green factories", count(2),  source = SEED }
p:metric{ "green factories", function(_, v)
  return v["national green factories"] + v["provincial green factories"]
end, unit = "1", source = "computed: national + provincial" }
p:metric{ "sewage treatment plants", count(2), source = SEED }

-- ---------------------------------------------------------------------------
-- Targets: the report's green-manufacturing indicators, each a count that
-- must reach the reported level (DATA.md §6).
p:target{ "7 national green data centres", metric = "national green data centres",
          at_least = count(7), by = 2023, source = SEED }
p:target{ "1 national green factory", metric = "national green factories",
          at_least = count(1), by = 2023, source = SEED }
p:target{ "2 provincial green factories", metric = "provincial green factories",
          at_least = count(2), by = 2023, source = SEED }
-- Two ratios a park evaluator might read off the same counts.
-- assumption: illustrative thresholds, not MIIT's: green factories are at
-- least 5 % of the enterprises above designated size (3 of 30 = 10 %), and
-- high-tech firms at least 15 % of the companies (18 of 100 = 18 %).
p:target{ "Green factories >= 5 % of firms above designated size",
          share = "green factories", of = "above designated size", at_least = "5 %", by = 2023,
          source = "assumption: illustrative threshold" }
p:target{ "High-tech firms >= 15 % of companies", share = "high-tech enterprises",
          of = "companies", at_least = "15 %", by = 2023,
          source = "assumption: illustrative threshold" }

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  for _, t in ipairs(r.targets) do
    print(string.format("  %-55s %s  (%s)", t.name, t.met and "met" or "MISSED", tostring(t.value)))
  end
  print("  sewage treatment plants:", p:value("sewage treatment plants", 2023))
end
return p
