-- units.lua — quantities: numbers that carry their unit, and the checks that
-- come with them. Run it with: decarb examples/intro/units.lua
-- Every physical number in a plan is a quantity; decarb refuses to mix kinds.

-- 1. A quantity is written q"VALUE UNIT"; arithmetic keeps track of the unit.
local park = q"107 MW"                      -- Jiayuguan's Jiaxi PV park (seed 000)
local hours = q"1500 h"                     -- full-load hours in a year (an assumption)
local gen = park * hours                    -- power x time = energy
print("Jiaxi PV generation:", gen)                       --> 160.5 GWh
print("  the same in MWh:  ", gen:to"MWh")               --> 160500 MWh
print("  as a plain number:", gen:value"GWh", "(GWh)")    --> 160.5

-- 2. Conversions within one kind are free; the unit names say what they mean.
print("1 tce =", q"1 tce":to"kWh", "=", q"1 tce":to"GJ")  --> 8141 kWh = 29.3076 GJ
print("1 toe =", q"1 toe":to"tce")                          --> 1.42857 tce
print("1 GW == 1000 MW:", q"1 GW" == q"1000 MW")            --> true

-- 3. Across kinds, nothing is silent. Adding power to energy is an error,
--    raised at the line that does it (pcall catches it here so we can print it;
--    the message starts with the script's file:line, stripped below).
local ok, err = pcall(function() return q"5 MW" + q"3 MWh" end)
print("5 MW + 3 MWh ->", ok, (tostring(err):gsub("^.-:%d+: ", "")))
-- A mistyped unit is refused, with a suggestion.
ok, err = pcall(function() return q"3 kwh" end)
print('q"3 kwh"     ->', ok, (tostring(err):gsub("^.-:%d+: ", "")))

-- 4. Methane and nitrous oxide become CO2e only through a named GWP set.
print("10 t CH4 =", q"10 t CH4":co2e"AR6", "(AR6) or", q"10 t CH4":co2e"AR4", "(AR4)")

-- 5. Ratios of the same kind are plain Lua numbers; q(100 * x, "%") shows
--    one as a percentage. Changzhi, end of July 2021 (seed 001): 2.22 GW new
--    energy of ~8.99 GW.
local share = q"2.22 GW" / q"8.99 GW"
print("Changzhi new-energy share:", string.format("%.4f", share), q(100 * share, "%"))
--> 0.2469	24.6941 %

-- 6. Units make the arithmetic of a measure readable: the Zhangye school
--    (seed 002) saves 802,600 kWh and 450,000 yuan a year.
local kwh, yuan = q"802600 kWh/yr", q"450000 yuan/yr"
print("implied tariff:   ", yuan / kwh)                     --> 0.560678 yuan/kWh
print("CO2 at 0.4772 kg/kWh:", (kwh * q"0.4772 kgCO2/kWh"):to"tCO2e/yr")  --> 383.001 tCO2e/yr
print("simple payback:   ", q"20e6 yuan" / yuan)            --> 44.4444 yr
