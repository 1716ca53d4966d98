-- series constructors: points (linear, step, growth), unit option, extend,
-- series.growth, series.const, series.fn, series.is
local pop = series{ [2020] = 1.13e6, [2035] = 1.25e6 }
print(pop)
print(pop[2025], pop[2020], pop[2035])

local cap = series{ [2020] = 600, [2025] = 900, unit = "MW" }
print(cap)
local mixed = series{ [2020] = "600 MW", [2022] = q"0.9 GW", [2024] = "1200 MW" }
print(mixed)

print(series{ [2020] = 10, [2023] = 20, [2025] = 80, interp = "step" })
print(series{ [2020] = 10, [2023] = 20, [2025] = 80, interp = "growth" })
print(series{ [2020] = 10, [2023] = 20, [2025] = 80, interp = "linear" })

local c = series{ [2020] = 10, [2022] = 14, extend = "constant" }
print(c[2019], c[2030])
local l = series{ [2020] = 10, [2022] = 14, extend = "linear" }
print(l[2018], l[2025])
local n = series{ [2020] = 10, [2022] = 14, extend = "none" }
print(pcall(function() return n[2023] end))

local ele = series.growth{ "2.1 TWh", from = 2020, rate = 0.04, to = 2035 }
print(ele)
print(series.growth{ 100, unit = "MW", from = 2020, rate = "10 %", to = 2023 })
print(series.const{ "5 MW", from = 2020, to = 2023 })
print(series.fn{ function(y) return (y - 2000) * 10 end, from = 2020, to = 2023, unit = "MW" })
print(series.fn{ function(y) return q((y - 2019) * 100, "kWh") end, from = 2020, to = 2022 })
print(series.is(ele), series.is(q"1 MW"), series.is({}))
local long = series{ [2010] = 0, [2050] = 40, unit = "GW" }
print(long)
print(#long, long:range())
