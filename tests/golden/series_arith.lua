-- arithmetic: series with series (over the overlap), quantities, numbers,
-- unit strings; units are checked and derived
local cap = series{ [2020] = 600, [2025] = 900, unit = "MW" }
local hours = series{ [2022] = 1500, [2030] = 1500, unit = "h" }
print(cap * hours)
print((cap * hours):to"GWh")
print(cap * "1500 h")
print(cap * q"1500 h" * factors.grid{ "CN-Gansu", year = 2022 })
print(cap + "100 MW", "100 MW" + cap, q"0.1 GW" + cap)
print(cap - "100 MW", "1000 MW" - cap)
print(cap * 2, 2 * cap, cap / 2, 1 / cap)
print(cap / cap)
print(-cap)
print(cap ^ 2)
print(series{ [2020] = 2, [2021] = 3 } ^ 0.5)
local a = series{ [2020] = 1, [2030] = 11 }
local b = series{ [2025] = 100, [2035] = 200 }
print(a + b)
-- element-wise a*b + c on three series
local x = series{ [2020] = 1, [2022] = 3, unit = "MW" }
local y = series{ [2020] = 10, [2022] = 10, unit = "h" }
local z = series{ [2020] = "5 MWh", [2022] = "5 MWh" }
print(x * y + z)
-- an extend rule survives arithmetic with quantities
local e = series{ [2020] = 1, [2021] = 2, unit = "MW", extend = "constant" }
print((e * 2)[2030])
print(pcall(function() return cap + "5 MWh" end))
print(pcall(function() return "5 MWh" - cap end))
print(pcall(function() return cap + series{ [2030] = "1 MW" } end))
print(pcall(function() return cap + {} end))
print(pcall(function() return cap ^ 0.5 end))
