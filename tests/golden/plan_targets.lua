-- every target kind: met, missed, edge years, tolerance (docs/targets.md)
local p = plan{ "Targets", years = {2020, 2030} }
-- emissions: rise to a peak of 110 in 2025, a 110.5 wobble in 2027, then fall to 0 in 2030
p:sector{ "all", emissions = series{ [2020] = "100 tCO2e/yr", [2025] = "110 tCO2e/yr", [2026] = "109 tCO2e/yr",
                                     [2027] = "110.5 tCO2e/yr", [2028] = "60 tCO2e/yr", [2029] = "20 tCO2e/yr",
                                     [2030] = "0 tCO2e/yr" } }
p:metric{ "GDP", series{ [2020] = "100 yuan/yr", [2030] = "200 yuan/yr" } }
p:metric{ "population", "1000" }
p:metric{ "EV buses", series{ [2020] = 10, [2030] = 60 } }
p:metric{ "buses", "100" }
p:capacity{ "PV", [2020] = "100 MW", [2030] = "500 MW", hours = "1200 h/yr" }
p:capacity{ "coal", capacity = "1000 MW", hours = "5000 h/yr" }
p:scenario{ "low", add = { { "cut", sector = "all", abates = "10 tCO2e/yr", start = 2021 } } }

p:target{ "at_most 60 by 2028", at_most = "60 tCO2e/yr", by = 2028 }                         -- edge: equal
p:target{ "at_most 59.9 by 2028", at_most = "59.9 tCO2e/yr", by = 2028 }
p:target{ "at_most 100 from 2025 on", at_most = "100 tCO2e/yr", by = 2025, every_year_after = true }
p:target{ "at_least 300 MW PV by 2025", at_least = "300 MW", by = 2025, metric = "PV" }
p:target{ "-40 % vs 2020 by 2028", reduce = "40 %", from = 2020, by = 2028 }
p:target{ "-41 % vs 2020 by 2028", reduce = "41 %", from = 2020, by = 2028 }
p:target{ "intensity -70 % by 2028", reduce = "70 %", per = "GDP", from = 2020, by = 2028 }
p:target{ "per capita <= 0.05 t by 2029", at_most = "0.05 tCO2e/yr", per = "population", by = 2029 }
p:target{ "-5 % vs BAU by 2025 (plan)", reduce = "5 %", vs = "BAU", by = 2025 }
p:target{ "EV buses >= 50 % by 2028", share = "EV buses", of = "buses", at_least = "50 %", by = 2028 }
p:target{ "PV >= 30 % of capacity by 2030", share = { "PV" }, of = "capacity", at_least = "30 %", by = 2030 }
p:target{ "PV >= 10 % of generation by 2030", share = "PV", of = "generation", at_least = "10 %", by = 2030 }
p:target{ "peak by 2025 within 1 %", peak_by = 2025, tolerance = "1 %" }
p:target{ "peak by 2025 strict", peak_by = 2025 }
p:target{ "peak by 2027", peak_by = 2027 }
p:target{ "net zero 2030", net_zero = 2030 }
p:target{ "net zero 2029", net_zero = 2029 }
p:target{ "net zero 2029 within 20 %", net_zero = 2029, tolerance = "20 %" }
p:target{ "budget 2021-2025 550 t", budget = "550 tCO2e", over = {2021, 2025} }
p:target{ "budget 2021-2025 520 t", budget = "520 tCO2e", over = {2021, 2025} }

local function show(scenario)
  local r = p:check(scenario)
  print(("%s: %d of %d met"):format(r.scenario, r.met, r.total))
  for _, t in ipairs(r.targets) do
    print(("  %-34s %-18s %-6s deciding=%s first_met=%s first_failed=%s margin=%s (%s)"):format(
      t.name, t.kind, t.met and "met" or "missed", tostring(t.deciding), tostring(t.first_met),
      tostring(t.first_failed), tostring(t.margin), ("%.4g"):format(t.margin_rel)))
  end
end
show()
show("low")
return p
