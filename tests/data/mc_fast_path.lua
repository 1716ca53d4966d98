-- valgrind: a Monte Carlo on the fast path (linear amounts), 41 years, 40 measures
local p = plan{"valgrind MC", years = {2020, 2060}}
for s = 1, 5 do p:sector{"sector " .. s, emissions = "1000 tCO2e/yr"} end
for m = 1, 40 do
  p:measure{"m" .. m, sector = "sector " .. (m % 5 + 1), start = 2021 + m % 17, full = 2022 + m % 17 + m % 5,
            abates = uncertain{"20 tCO2e/yr", low = "5 tCO2e/yr", high = "40 tCO2e/yr"}}
end
p:target{"at most 4500", at_most = "4500 tCO2e/yr", by = 2040}
p:target{"peak", peak_by = 2030}
