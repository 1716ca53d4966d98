-- p:target from a measure function (was a heap overflow under decarb check)
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:measure{"f", sector = "s", abates = function(y)
  p:target{"t" .. y, at_most = "1 tCO2e/yr", by = 2030}
  return q"1 tCO2e/yr" end}
