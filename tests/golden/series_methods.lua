-- every Series method on small series
local ele = series.growth{ "2.1 TWh", from = 2020, rate = 0.04, to = 2035 }
print(ele:at(2025), ele[2025])
print(table.concat(ele:years(), " "))
print(ele:range())
print(table.concat(ele:to"GWh":values(), " "))
print(table.concat(ele:values"TWh", " "))
print(ele:to"GWh")
print(ele:unit(), ele:to"GWh":unit(), ele:dim())
print(ele:sum(2021, 2030), ele:sum())
print(string.format("%.6f", ele:cagr(2020, 2030)), string.format("%.6f", ele:cagr()))
print(ele:peak())
print(ele:min())
print(ele:max())

-- a per-year rate summed over years is an amount
local em = series{ [2021] = "100 tCO2/yr", [2030] = "100 tCO2/yr" }
print(em:sum(2021, 2030))
print(em:cumsum())
local power = series{ [2020] = "1 MW", [2021] = "1 MW" }
print(power:sum())

local s = series{ [2020] = 5, [2021] = 7, [2022] = 9, [2023] = 9, [2024] = 4, unit = "MW" }
print(s:peak())
print(s:min())
print(s:diff())
print(s:shift(10))
print(s:shift(-1)[2019])
print(s:map(function(v, y) return v * (y - 2019) end))
print(s:share(s + "1 MW"))
print(s:share("10 MW"))
local lines = {}
for y, v in pairs(s) do lines[#lines + 1] = y .. "=" .. tostring(v) end
print(table.concat(lines, " "))
print(#s)
print(s:table())
print("value: " .. s)
print(series{ [2020] = 0.5, [2021] = 0.25 }:values()[2])
