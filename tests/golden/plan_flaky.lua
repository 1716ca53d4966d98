-- a function measure that fails once: the error reaches the script with the
-- function's line, and the next evaluation starts afresh (no stale values)
local p = plan{ "Flaky", years = {2020, 2022} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
local fail = true
p:measure{ "f", sector = "all", abates = function(y)
  if fail and y == 2022 then error("flaky in " .. y) end
  return "1 tCO2e/yr"
end }
p:target{ "-5 % vs BAU", reduce = "5 %", vs = "BAU", by = 2022 }
print(pcall(p.check, p))
fail = false
print(p:check().met, p:value("emissions", 2022), p:value("emissions", 2022, "BAU"))
return p
