-- a checked script that prints: under `decarb check` print writes to stderr,
-- so the JSON report on stdout still parses (check_print.cmd parses it)
print("a summary line", 42, q"3 MW")
local p = plan{ "Printing", years = {2020, 2022} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
p:metric{ "echo", function(year, v)
  print("computing echo for", year)
  return v.emissions
end, unit = "tCO2e/yr" }
p:target{ "at most 10 t", at_most = "10 tCO2e/yr", by = 2022, metric = "echo" }
return p
