-- china_peak.lua — the carbon-peak plan of an illustrative coal province,
-- judged on energy as much as on carbon (issue 15, docs/energy.md): energy use
-- by fuel and sector, the dual-control targets (energy and CO2 per unit of
-- GDP), the non-fossil share of energy consumption, a coal cap, fuel
-- switching and efficiency measures, and a landfill CH4 sector.
--
-- No province's plan is among decarb's sources: the targets are the national
-- ones, published (sources below); the province's energy data are
-- assumptions, each labelled, flat in the business-as-usual case so that the
-- arithmetic can be checked by hand (docs/energy.md, "The example").
--
-- Published targets (the sources):
--   NDRC_FYP  — Outline of the 14th Five-Year Plan (2021-2025) for National
--               Economic and Social Development, March 2021, table of main
--               indicators: energy consumption per unit of GDP -13.5 % and CO2
--               emissions per unit of GDP -18 % over 2021-2025 (from 2020);
--               the action plan below repeats both for 2025.
--   PEAK_PLAN — State Council, Action Plan for Carbon Dioxide Peaking before
--               2030 (国发〔2021〕23号, 2021-10-24), "main targets": non-fossil
--               energy about 20 % of energy consumption by 2025 and about 25 %
--               by 2030; CO2 peaking before 2030; coal consumption growth
--               strictly controlled in 2021-2025 and reduced gradually in
--               2026-2030.
--   China measures the non-fossil share by the coal-consumption method (a
--   kWh of primary electricity counted as the coal a thermal plant would burn
--   for it), hence primary = "coal" below.
--
--   decarb check examples/china_peak.lua
--   5 of 6 targets met; "non-fossil 20 % by 2025" missed (19.0 %), exit 1

local NDRC_FYP  = "14th Five-Year Plan Outline (2021), table of main indicators"
local PEAK_PLAN = "State Council, Action Plan for CO2 Peaking before 2030 (国发〔2021〕23号)"

-- Reference values from decarb's factors data, with their sources there:
local grid   = factors.grid{ "CN", year = 2023 }        -- 0.5306 kgCO2/kWh (MEE & NBS, 2023 national average): imports only
local solar_h = factors.hours{ "solar", year = 2023 }    -- 1286 h (full year 2023; the data flag it "verify")
local wind_h  = factors.hours{ "wind", year = 2023 }     -- 2225 h (full year 2023; the data flag it "verify")

local p = plan{ "Carbon peak of an illustrative coal province", region = "illustrative province",
                years = {2020, 2030}, source = PEAK_PLAN,
                primary = "coal",          -- coal-consumption method, the year's coefficient
                gwp = "AR6",               -- CH4 27.9, N2O 273
                grid = grid,               -- a power sector below: grid applies to net imports
                -- assumption: purchased heat at 0.11 tCO2/GJ (the default heat factor of
                -- China's enterprise GHG accounting guidelines; not verified here)
                heat_factor = "0.11 tCO2/GJ" }

-- ---------------------------------------------------------------------------
-- Energy use by fuel and sector, 2020 (assumptions: a coal province of about
-- 1.1 亿tce of primary energy), flat in the business-as-usual case so that the
-- arithmetic can be checked by hand.
p:sector{ "industry", energy = { coal = "4000 万tce/yr", natural_gas = "400 万tce/yr",
                                 oil = "300 万tce/yr", electricity = "1000 亿kWh/yr" },
          source = "assumption: illustrative province, 2020" }
p:sector{ "buildings", energy = { coal = "600 万tce/yr", natural_gas = "300 万tce/yr",
                                  electricity = "400 亿kWh/yr", heat = "200 万tce/yr" },
          source = "assumption: illustrative province, 2020 (coal: small boilers and stoves)" }
p:sector{ "transport", energy = { oil = "1200 万tce/yr", electricity = "50 亿kWh/yr" },
          source = "assumption: illustrative province, 2020" }
-- The province's coal power plants as a power sector: their coal counts in
-- coal and primary energy; the electricity they make is not counted again.
-- assumption: 20 GW x 4,950 h = 990 亿kWh at about 0.303 kgce/kWh = 3,000 万tce
p:sector{ "power", power = true, energy = { coal = "3000 万tce/yr" },
          source = "assumption: 990 亿kWh of coal power at about 303 gce/kWh" }
-- Landfill methane (assumption: 60 kt CH4 a year, flat)
p:sector{ "landfill", emissions = "60 kt CH4/yr", source = "assumption" }

-- ---------------------------------------------------------------------------
-- Electricity supply: local generation (capacity x hours) and net imports
-- (not given: demand - generation, so the province exports when generation
-- exceeds demand).
p:capacity{ "coal power", capacity = "20 GW", hours = "4950 h/yr", fossil = true,
            source = "assumption" }
p:capacity{ "solar", [2020] = "10 GW", [2030] = "30 GW", hours = solar_h / q"1 yr",
            source = "assumption: 10 GW in 2020, 30 GW in 2030, national 2023 hours" }
p:capacity{ "wind", [2020] = "8 GW", [2030] = "20 GW", hours = wind_h / q"1 yr",
            source = "assumption: 8 GW in 2020, 20 GW in 2030, national 2023 hours" }
p:capacity{ "hydro", capacity = "2 GW", hours = "3500 h/yr", source = "assumption" }

-- assumption: GDP 2 万亿 yuan in 2020, +5.5 % a year
p:metric{ "GDP", series.growth{ "2e12 yuan/yr", from = 2020, rate = 0.055, to = 2030 },
          source = "assumption" }

-- ---------------------------------------------------------------------------
-- Measures on energy (all assumptions)
p:measure{ "industrial efficiency", sector = "industry", saves = "600 万tce/yr", fuel = "coal",
           start = 2021, full = 2025, source = "assumption" }
p:measure{ "coal boilers to heat pumps", sector = "buildings",
           switch = { from = "coal", to = "electricity", share = "50 %", efficiency = 3 },
           start = 2021, full = 2030, source = "assumption: heat pumps deliver 3 J per J" }
p:measure{ "electric vehicles", sector = "transport",
           switch = { from = "oil", to = "electricity", share = "20 %", efficiency = 3 },
           start = 2021, full = 2030, source = "assumption: an EV uses 1/3 of the final energy" }
p:measure{ "retire small coal units", sector = "power", saves = "600 万tce/yr", fuel = "coal",
           start = 2023, full = 2027, source = "assumption" }

-- ---------------------------------------------------------------------------
-- Targets. China's dual control judges total energy consumption (能源消费
-- 总量), which is primary_energy here, not final energy.
p:target{ "energy intensity -13.5 % 2020-2025", metric = "primary_energy", per = "GDP",
          reduce = "13.5 %", from = 2020, by = 2025, source = NDRC_FYP }
p:target{ "CO2 intensity -18 % 2020-2025", metric = "co2", per = "GDP",
          reduce = "18 %", from = 2020, by = 2025, source = NDRC_FYP }
p:target{ "non-fossil 20 % by 2025", metric = "nonfossil_share", at_least = "20 %", by = 2025,
          source = PEAK_PLAN }
p:target{ "non-fossil 25 % by 2030", metric = "nonfossil_share", at_least = "25 %", by = 2030,
          source = PEAK_PLAN }
-- assumption: "strictly controlled" read as no more coal than in 2020 from 2025 on
p:target{ "coal no higher than 2020", metric = "coal", at_most = "7600 万tce/yr", by = 2025,
          every_year_after = true, source = PEAK_PLAN .. " (as read here)" }
-- "peaking before 2030": the peak year is 2029 at the latest, so no later
-- year of the plan (2030) may exceed the highest CO2 up to 2029
p:target{ "CO2 peaks before 2030", metric = "co2", peak_by = 2029, source = PEAK_PLAN }

-- Expected (tests/unit/test_energy.c, test_china_peak_draft; docs/energy.md;
-- tests/golden/example_china_peak_text):
--            2020          2025          2030
-- energy     8,781.108     8,001.108     7,821.108    万tce/yr (final)
-- electricity 1,450        1,523.269     1,596.538    亿kWh/yr
-- net imports   83.4        -105.431      -294.262    亿kWh/yr
-- primary   11,205.3      10,185.805     9,897.810    万tce/yr
-- nonfossil     10.268 %      19.000 %      27.576 %
-- coal       7,600         6,490         6,100        万tce/yr
-- co2          265.3156      227.5378      214.1471   MtCO2/yr
-- emissions    266.9896      229.2118      215.8211   MtCO2e/yr (AR6)
-- energy intensity 2020-2025: -30.45 %; CO2 intensity: -34.38 %

if arg then -- only when run as a script, not under decarb check
  local r = p:check()
  print(string.format("%s: %d of %d targets met (scenario %s)", p.name, r.met, r.total, r.scenario))
  for _, t in ipairs(r.targets) do
    print(string.format("  %-38s %s  (%s in %s)", t.name, t.met and "met" or "MISSED", tostring(t.value),
                        tostring(t.deciding)))
  end
  for _, y in ipairs{ 2020, 2025, 2030 } do
    print(string.format("  %d: primary energy %.1f 万tce, non-fossil %.2f %%, coal %.0f 万tce, CO2 %.2f Mt", y,
                        p:value("primary_energy", y):value"万tce/yr", p:value("nonfossil_share", y):value"%",
                        p:value("coal", y):value"万tce/yr", p:value("co2", y):value"MtCO2/yr"))
  end
end
return p
