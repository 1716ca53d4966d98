-- issue 18: CO2 is not CO2e, Nm3 is not m3, offset temperatures, plain numbers
local function try(f)
  local ok, err = pcall(f)
  print(ok and "ok" or "error: " .. tostring(err):gsub("^.-:%d+: ", ""))
end

-- CO2 stays CO2; CO2e comes from a GWP set or from adding CO2e
print(q"1 MWh" * factors.grid{ "CN", year = 2022 })          -- a CO2-only factor
print(q"1 tCO2" + q"1 tCO2e", q"1 tCO2e" + q"1 tCO2", q"1 tCO2" + q"1 tCO2")
print(q"10 t CH4":co2e"AR6", q"1 tCO2":co2e"AR6", q"1 tC")
print(q"2 MWh" * q"0.5 kgCO2e/kWh", q"2 MWh" * q"0.5 kgCO2/kWh")
print((q"1 MWh" * q"0.5 kgCO2/kWh"):to"kgCO2e", q"3 tCO2":to"kg CO2")
try(function() return q"1 tCO2e":to"tCO2" end)
try(function() return q"1 tCO2e":value"kgCO2" end)
print(q"5 tCO2e":value"kgCO2e", q"1 tCO2" < q"2 tCO2e")
local s = series{ [2020] = "1 tCO2/yr", [2021] = "2 tCO2/yr" }
print(s[2021], (s + q"1 tCO2e/yr")[2021], s:sum())

-- Nm3 is gas at 0 °C and 101.325 kPa: to m3 only with a stated condition
print(q"1 Nm3", q"10 kWh/Nm3" * q"2 Nm3")
try(function() return q"1 Nm3":to"m3" end)
try(function() return q"1 Nm3" + q"1 m3" end)
print(q"1 Nm3":to("m3", { T = q"20 °C", p = q"101.325 kPa" }))
print(q"1 Nm3":value("m3", { T = q"273.15 K", p = q"2 bar" }))
print(q"1.2143 kgce/Nm3":to("kgce/m3", { T = q"20 °C", p = q"101.325 kPa" }))
print(q"1.07322 m3":to("Nm3", { T = q"20 °C", p = q"101.325 kPa" }))
try(function() return q"1 Nm3":to("m3", { T = q"20 °C" }) end)
try(function() return q"1 Nm3":to("m3", { T = q"1 MWh", p = q"1 bar" }) end)
try(function() return q"1 MWh":to("kWh", { T = q"20 °C", p = q"1 bar" }) end)

-- offset temperatures: no products, no sums of two; differences work
try(function() return q"20 °C" * 2 end)
try(function() return q"20 °C" / q"2 h" end)
try(function() return q"20 °C" + q"5 °C" end)
try(function() return q"5 K" - q"20 °C" end)
try(function() return q"20 °C" ^ 2 end)
print(q"25 °C" - q"20 °C", q"20 °C" + q"5 K", q"5 K" + q"20 °C", q"20 °C" - q"5 K", -q"20 °C")
print(q"300 K" * 2, q"20 °C":to"K" * 2)

-- plain numbers are Lua numbers; percentages stay quantities
print(math.type(q"3"), math.type(q"2.5"), q"3", q(3), q(3, "1"), units["1"])
local r = q"160.5 GWh" / q"1500 h" / q"107 MW"
print(type(r), r, string.format("%.2f", r), math.floor(q"7 kWh" / q"2 kWh"))
print(type(q"24.69 %"), q"24.69 %", tostring(q"50 %" * 2), type(q"50 %" * q"50 %"))
local u = series{ [2025] = 0.5, [2026] = 2 }
print(math.type(u[2026]), string.format("%.2f", u[2025]), math.floor(u[2026] + 0.5))
-- a plan: a CO2 sector plus a CO2e sector reports CO2e
local p = plan{ "gases", years = {2020, 2021} }
p:sector{ "power", emissions = "1 tCO2/yr" }
print(p:value("emissions", 2020))
p:sector{ "waste", emissions = "1 tCO2e/yr" }
print(p:value("emissions", 2020), p:value("power", 2020), p:value("waste", 2020))
