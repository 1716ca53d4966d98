-- plan memory counts against --max-mem: 400 scenarios x 400 measures x
-- 1000 years need 1.28 GB of result buffers (plain malloc before, past any cap)
local p = plan{"big", years = {2001, 3000}}
p:sector{"s", emissions = "1000 tCO2e/yr"}
for i = 1, 400 do p:measure{"m" .. i, sector = "s", abates = "1 tCO2e/yr"} end
for i = 1, 400 do p:scenario{"s" .. i, drop = {"m1"}} end
for i = 1, 400 do pcall(p.value, p, "emissions", 2001, "s" .. i) end
print("not reached")
