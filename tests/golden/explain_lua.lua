-- p:explain(TARGET [, YEAR [, SCENARIO]]): the table decarb explain --format
-- json writes for the target; its terms add up to its value
local p = require "explain_kinds"
local function show(e)
  local sum = 0
  for _, t in ipairs(e.terms) do sum = sum + t.value end
  print(e.name, e.year, e.scenario, e.status, e.kind)
  print(string.format("  value %.6g %s, terms add up to %.6g (%d terms)", e.value, e.unit, sum, #e.terms))
  print("  bound: " .. e.bound.derivation)
  print(string.format("  margin %.6g %s", e.margin, e.margin_unit))
  if e.what_would_it_take then
    local m = e.what_would_it_take.measures[1]
    print(string.format("  +%g %% of %s closes %.4g %s", 100 * e.what_would_it_take.increase, m.measure,
                        m.closes, e.margin_unit))
  end
end
show(p:explain("Net zero 2026 within 70 %"))
show(p:explain("-15 % vs 2020 by 2026", 2022))
show(p:explain("At most 120 t by 2025", nil, "fast"))
show(p:explain("PV >= 20 % of capacity by 2025"))
local e = p:explain("Intensity -30 % by 2026")
print(e.numerator.metric, e.denominator.metric, e.terms[1].kind, e.terms[1].name, e.terms[3].ramp)
print(pcall(p.explain, p, "no such target"))
print(pcall(p.explain, p, "Peak by 2022", 2040))
print(pcall(p.explain, p, "Peak by 2022", nil, "slow"))
