-- series.lua — year series: values by year with one unit, built from points
-- or a growth rate, combined with unit-checked arithmetic.
-- Run it with: decarb examples/intro/series.lua

-- 1. Points: the years between them are filled by a straight line.
--    (Jiayuguan, seed 000: 0.6 GW of new energy at the end of 2022 is our
--    assumption; 1 GW more in 2023 is the city's goal.)
local cap = series{ [2022] = "607 MW", [2023] = "1607 MW", [2025] = "2 GW" }
print("capacity:      ", cap)
print("in 2024:       ", cap[2024])                    --> 1803.5 MW
print("added per year:", cap:diff())

-- 2. Growth: a start value and an annual rate.
--    Coal generation in Changzhi (seed 001), 6.77 GW x 4,500 h, +2 % a year
--    (both assumptions of examples/changzhi.lua).
local coal = series.growth{ q"6.77 GW" * q"4500 h", from = 2021, rate = "2 %", to = 2025 }
print("coal power:    ", coal)
print("growth 21-25:  ", string.format("%.1f %%", coal:cagr(2021, 2025) * 100))

-- 3. Arithmetic checks units, year by year, in C.
local fossil = factors.grid{ "CN-fossil", year = 2021 }  -- 0.8426 kgCO2/kWh, cited
local co2 = coal * fossil                                 -- energy x factor = CO2
print("coal CO2:      ", co2:to"MtCO2")                  -- CO2 only: the factor is CO2
print("2021-2025 sum: ", co2:sum())                       -- amounts add up
local ok, err = pcall(function() return cap + coal end)   -- MW + TWh: refused
print("MW + TWh ->    ", ok, (tostring(err):gsub("^.-:%d+: ", "")))

-- 4. Rates sum to amounts: tCO2/yr over ten years is tCO2.
local retrofit = series.const{ "9428 tCO2e/yr", from = 2021, to = 2030 }  -- Zhangye, seed 002
print("retrofit saves:", retrofit:sum(), "over", #retrofit, "years")

-- 5. Reading outside the years is an error unless the series says how to extend.
local held = series{ [2022] = "607 MW", [2023] = "1607 MW", extend = "constant" }
print("2030, held:    ", held[2030])
ok, err = pcall(function() return cap[2030] end)
print("2030, not held:", ok, (tostring(err):gsub("^.-:%d+: ", "")))

-- 6. Shares and maps.
print("share of 2 GW: ", cap:share("2 GW"))
print("per-year table:\n" .. cap:table())
