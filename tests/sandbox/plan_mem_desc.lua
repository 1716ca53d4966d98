-- plan descriptions count too: each measure keeps its 1000-year series
local p = plan{"big", years = {2001, 3000}}
p:sector{"s", emissions = "1000 tCO2e/yr"}
for i = 1, 100000 do p:measure{"m" .. i, sector = "s", abates = "1 tCO2e/yr"} end
print("not reached")
