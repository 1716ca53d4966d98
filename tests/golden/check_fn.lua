-- function measures and metrics run under check (the slow path); an error
-- inside one names the function's line and exits 4
local p = plan{ "Fn", years = {2020, 2023} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
p:metric{ "double", function(year, v) return v.emissions * 2 end, unit = "tCO2e/yr" }
p:measure{ "grows", sector = "all", abates = function(year)
  if year == 2023 then error("no data for " .. year) end
  return q"1 tCO2e/yr" * (year - 2020)
end }
p:target{ "double <= 30", at_most = "30 tCO2e/yr", by = 2022, metric = "double" }
return p
