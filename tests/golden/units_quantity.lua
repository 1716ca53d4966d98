-- units_quantity.lua: the Lua face of quantities — constructors, display,
-- arithmetic and its display rules, comparisons, methods, GWP sets.
local gen = q"107 MW" * q"1500 h"
print(gen)                               -- derived: preferred unit
print(gen:to"MWh")
print(gen:value"GWh")
print(q"1 tce":to"kWh")
print(q"10 t CH4":co2e"AR6")
print(q(107, "MW"), 107 * units.MW, units.MW * 107, units.kWh)
print(units["kgCO2/kWh"], units["万tce"])
-- + and - keep the left operand's unit (or the right's)
print(q"5 MW" + q"300 kW", q"300 kW" + q"5 MW", q"5 MW" - q"300 kW")
print(q"1 GWh" + gen)
print(-q"5 MW", q"2 MW" / 2, 3 * q"2 MW", q"2 MW" * 3)
-- derived results: * and / show in the preferred unit
print(q"160.5 GWh" / q"107 MW")
print(q"802600 kWh" * q"0.4772 kgCO2/kWh")
print(q"16300 tCO2/yr" / q"1 yr" * q"1 yr")
print(q"450000 yuan" / q"802600 kWh")
print(q"2 m" ^ 2, q"2 m" ^ -1, (q"4 m" * q"4 m"):to"m2")
-- dimensionless values
print(q"24.69 %", q"2.22 GW" / q"24.69 %", q"2.22 GW" / q"8.99 GW")
print(q"5 MW" / q"10 MW" + 1, 1 + q"50 %", q"50 %" * 2, q"50 %" ^ 0.5)
print(q(0.5), q"3", q"1e4 tce", q"10^4 m2", q"2 亿kWh", q"3 万元")
-- comparisons
print(q"5 MW" > q"3000 kW", q"5 MW" < q"3000 kW", q"5 MW" <= q"5000 kW", q"5 MW" >= q"6 MW")
print(q"1 tce" == q"8141 kWh", q"1 MW" == q"1 MWh", q"1 MW" == 1, q"50 %" < 1, 0.4 < q"50 %")
-- methods
print(gen:dim(), q"1 MW":dim(), q"1 tCO2/yr":dim(), q"5 %":dim(), q"1 kg m":dim())
print(q"24.69 %":value(), q"1 tce":value"kWh", q"20 °C":value"K", q"293.15 K":to"°C")
print(q"1 t CH4":co2e"SAR", q"1 t CH4":co2e"AR4", q"1 t CH4":co2e"AR5", q"1 t CH4":co2e"AR6")
print(q"1 t CH4":co2e"AR6-fossil", q"1 t CH4":co2e"AR6-nonfossil")
print(q"1 kt N2O":co2e"SAR", q"1 kt N2O":co2e"AR4", q"1 kt N2O":co2e"AR5", q"1 kt N2O":co2e"AR6")
print(q"2 t CH4/yr":co2e"AR6", q"5 tCO2":co2e"AR6", (q"1 kg CH4" * 1000):co2e"AR5")
print(gen:to(units.MWh), q"1 yr":to"h", q"1 yr":to"d", q"1 mu":to"m2", q"1 tC":to"tCO2")
-- text
print("generation: " .. gen, gen .. "!", tostring(q"0 MWh"), #tostring(gen))
print(type(gen), getmetatable(gen))
-- the same string many times uses the parse cache and stays right
local s = q"0 MWh"
for i = 1, 1000 do s = s + q"1 MWh" end
print(s)
