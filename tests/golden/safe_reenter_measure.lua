-- the crash of issue 10: a function measure that adds measures while the
-- engine runs it (was a use after free in ramp())
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
local n = 0
p:measure{"f", sector = "s", abates = function(y) n = n + 1
  if n == 1 then for i = 1, 64 do p:measure{"m" .. i, sector = "s", abates = "1 tCO2e/yr"} end end
  return q"1 tCO2e/yr" end}
print(p:value("emissions", 2025))
