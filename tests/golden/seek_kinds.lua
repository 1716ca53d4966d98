-- p:seek against hand-computed values, one per kind of target
-- BAU 100 tCO2e/yr flat; measure "m" abates 10 tCO2e/yr from 2020 (scale x abates 10 x)
local function plan_with(t)
  local p = plan{"seek " .. t[1], years = {2020, 2030}}
  p:sector{"s", emissions = "100 tCO2e/yr"}
  p:capacity{"PV", capacity = "10 MW", hours = "1000 h/yr"}
  p:capacity{"coal", capacity = "30 MW", hours = "1000 h/yr"}
  p:metric{"people", "1000 1"}
  p:measure{"m", sector = "s", abates = "10 tCO2e/yr"}
  p:measure{"pv", adds = {PV = "10 MW"}, start = 2025}
  p:target(t)
  return p
end
local function show(p, vary, field, lo, hi)
  local v, why = p:seek{target = p.targets[1], vary = vary, field = field, lo = lo, hi = hi}
  print(p.targets[1], v and string.format("%.6f", v) or "nil", why)
end
-- emissions 100 - 10x <= 40: x = 6
show(plan_with{"at most 40", at_most = "40 tCO2e/yr", by = 2030}, "m")
-- abatement 10x >= 25: x = 2.5
show(plan_with{"abatement at least 25", at_least = "25 tCO2e/yr", metric = "abatement", by = 2030}, "m")
-- reduce 30 % from 2020 (whose value moves too): 100 - 10x <= 0.7 (100 - 10x) only when x = 10: unreachable below 10
show(plan_with{"reduce 30 %", reduce = "30 %", from = 2020, by = 2030}, "m", nil, 0, 5)
-- 30 % below BAU: 100 - 10x <= 70: x = 3
show(plan_with{"30 % below BAU", reduce = "30 %", vs = "BAU", by = 2030}, "m")
-- net zero with a tolerance of 5 tCO2e/yr: 100 - 10x <= 5: x = 9.5
show(plan_with{"net zero", net_zero = 2030, tolerance = "5 tCO2e/yr"}, "m")
-- budget over 2021-2030 of 500 tCO2e: 10 years x (100 - 10x) t <= 500: x = 5
show(plan_with{"budget", budget = "500 tCO2e", over = {2021, 2030}}, "m")
-- intensity: emissions per person <= 0.02 tCO2e/yr: 100 - 10x <= 20: x = 8
show(plan_with{"per person", at_most = "0.02 tCO2e/yr", per = "people", by = 2030}, "m")
-- share of capacity: PV (10 + 10 s) / (40 + 10 s) >= 50 %: s = 2
show(plan_with{"PV half", share = "PV", of = "capacity", at_least = "50 %", by = 2030}, "pv")
-- peak by 2024 (tolerance 0): the measure's own start moves; any start after 2024 raises nothing; met always
show(plan_with{"peak", peak_by = 2024}, "m", "start")
-- the latest full year for at most 40 in 2026 with scale 6: full <= 2026 (ramp full by 2026)
local p = plan_with{"at most 40 in 2026", at_most = "40 tCO2e/yr", by = 2026}
p:set("m", "scale", 6):set("m", "start", 2022)
show(p, "m", "full")
-- unreachable: at most 40 with at most 5 x
show(plan_with{"at most 40", at_most = "40 tCO2e/yr", by = 2030}, "m", nil, 0, 5)
-- a sector's emissions as a factor: 100 f - 10 <= 40: f = 0.5
show(plan_with{"at most 40", at_most = "40 tCO2e/yr", by = 2030}, "s", "emissions")
-- errors: no such target, field, measure
print(pcall(function() plan_with{"t", at_most = "40 tCO2e/yr", by = 2030}:seek{target = "nope", vary = "m"} end))
print(pcall(function() plan_with{"t", at_most = "40 tCO2e/yr", by = 2030}:seek{target = "t", vary = "m", field = "colour"} end))
print(pcall(function() plan_with{"t", at_most = "40 tCO2e/yr", by = 2030}:seek{target = "t", vary = "nobody"} end))
print(pcall(function() plan_with{"t", at_most = "40 tCO2e/yr", by = 2030}:seek{target = "t", vary = "m", lo = 3, hi = 1} end))
-- not monotone: |emissions - 50| <= 10 holds for scales 4 to 6 only
local nm = plan{"not monotone", years = {2020, 2030}}
nm:sector{"s", emissions = "100 tCO2e/yr"}
nm:measure{"m", sector = "s", abates = "10 tCO2e/yr"}
nm:metric{"gap", function(y, v)
  local d = v.emissions - q"50 tCO2e/yr"
  if d < q"0 tCO2e/yr" then d = -d end
  return d
end, unit = "tCO2e/yr"}
nm:target{"near 50", at_most = "10 tCO2e/yr", metric = "gap", by = 2030}
show(nm, "m")
show(nm, "m", nil, 4.5, 10)
