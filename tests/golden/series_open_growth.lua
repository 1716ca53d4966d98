-- series.growth without `to` is open-ended (extend = "growth"), so the
-- DESIGN.md sketch's sector works over a plan of any horizon
local bau = series.growth{ "1.2 MtCO2e/yr", from = 2020, rate = 0.02 }
print(bau)
print(bau[2035], bau[2019])
local p = plan{ "Open growth", years = {2020, 2035} }
p:sector{ "buildings", emissions = bau }
p:measure{ "Retrofit", sector = "buildings", start = 2021, full = 2023, abates = "9428 tCO2e/yr" }
print(p:value("emissions", 2035))
-- with an explicit rule it is a closed series as before
local closed = series.growth{ "1 MW", from = 2020, rate = 0.1, extend = "none" }
print(pcall(function() return closed[2030] end))
-- a product of two growth series grows at the product of their rates
print((bau * series.growth{ 2, from = 2020, rate = 0.5 })[2023])
