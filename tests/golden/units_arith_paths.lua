-- golden test: quantity arithmetic through the fast path (two quantities)
-- and the general one (numbers, strings, errors) gives the same results,
-- displays and messages; and the dimensionless unit "1" shows no unit.
local function try(f, ...)
  local ok, r = pcall(f, ...)
  print(ok and tostring(r) or ("error: " .. tostring(r):gsub("^[^:]*:%d+: ", "")))
end
local P, E, H = q"5 MW", q"3 MWh", q"2 h"

-- + and -: the left operand's unit, else the right's, else preferred
print(P + q"300 kW", q"300 kW" + P, P - q"300 kW", q"300 kW" - P)
print(P * H + E, E + P * H, P * H + P * H, P * H - P * H)
print(P + "2 MW", "2 MW" + P, P - "2 MW", "2 MW" - P)
print(q(0.5) + 1, 1 + q(0.5), q"50 %" + 0.25, 0.25 + q"50 %", q"50 %" - 1)
try(function() return P + E end)
try(function() return P - E end)
try(function() return P + 1 end)
try(function() return 1 - P end)
try(function() return P + {} end)
try(function() return true - P end)

-- * and /: derived results show in their dimension's preferred unit; a
-- plain number keeps the quantity's unit
print(P * H, H * P, E / H, E / P, P / P, E / E * 3)
print(P * 2, 2 * P, P / 2, 2 / P, P * "2 h", "2 h" * P, P / "1 kW")
print(q"1 m^99" * q"1 m^28", q"1 m^-99" / q"1 m^28", q"1 m^99" / q"1 m^-28")
try(function() return q"1 m^99" * q"1 m^29" end)
try(function() return q"1 m^-99" / q"1 m^29" end)
try(function() return q"1 m^99" / q"1 m^-29" end)
try(function() return q"1 m^-99" * q"1 m^-29" end)
try(function() return P * {} end)
try(function() return nil / P end)

-- unary minus, ^, comparisons, ==
print(-P, -(P * H), q"2 m" ^ 3, q"4 m2" ^ -1, q(2) ^ 0.5)
print(P > q"3000 kW", P <= q"5000 kW", P < "6 MW", q"50 %" < 1, 0.4 < q"50 %")
print(P == q"5000 kW", P == E, P * H == q"10 MWh", rawequal(P, P * 1))
try(function() return P < E end)
try(function() return P < {} end)

-- the dimensionless unit "1" shows no unit
print(q"7 1", q(7, "1"), q"7", q"50 %":to"1", units["1"], q"3 1" * 2)
print(q"7 1" + q"50 %", q"50 %" + q"7 1", tostring(q"2.5 1"), "x = " .. q"7 1")
-- plain numbers are Lua numbers: no unit left means no Quantity
print(math.type(q"7 1"), math.type(q"2.5"), type(q"2 MWh" / q"1 MWh"), type(q"50 %"), type(q"50 %" * q"50 %"))
print(string.format("%.2f", q"6 MWh" / q"4 MWh"), math.floor(q"7 kWh" / q"2 kWh"))
try(function() return q"7 1" + P end)
