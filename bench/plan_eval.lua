-- plan_eval.lua MODE N — the plan bench's Lua peers: MODE "lua" is the
-- same synthetic plan (200 measures, 20 sectors, 2020-2060, four targets)
-- evaluated in pure Lua tables, N times with one parameter changed; MODE
-- "decarb" builds it with plan{...} and re-evaluates through p:set and
-- p:value (the binding's overhead included). Prints ns per evaluation.
local mode, n = arg[1] or "lua", tonumber(arg[2] or "1000")
local Y0, Y1, NSEC, NMEA = 2020, 2060, 20, 200
local NY = Y1 - Y0 + 1
local bau, amount, start, full, sector = {}, {}, {}, {}, {}
for s = 1, NSEC do
  bau[s] = {}
  for i = 1, NY do bau[s][i] = 1000.0 * s * 1.01 ^ (i - 1) end
end
for m = 0, NMEA - 1 do
  sector[m + 1] = m % NSEC + 1
  start[m + 1] = Y0 + 1 + m % 20
  full[m + 1] = start[m + 1] + m % 7
  amount[m + 1] = 5.0 + m % 13
end
local clock = os.clock
if mode == "lua" then
  local scale = {}
  for m = 1, NMEA do scale[m] = 1 end
  local sink = 0
  local t0 = clock()
  for k = 0, n - 1 do
    scale[k % NMEA + 1] = 1.0 + (k % 10) * 0.01
    local sec = {}
    for s = 1, NSEC do
      local d, b = {}, bau[s]
      for i = 1, NY do d[i] = b[i] end
      sec[s] = d
    end
    for m = 1, NMEA do
      local d, st, fu, a, sc = sec[sector[m]], start[m], full[m], amount[m], scale[m]
      for i = 1, NY do
        local y = Y0 + i - 1
        local r = y < st and 0 or (y < fu and (y - st + 1) / (fu - st + 1) or 1)
        d[i] = d[i] - sc * r * a
      end
    end
    local em, b = {}, {}
    for i = 1, NY do
      local e, bb = 0, 0
      for s = 1, NSEC do e = e + sec[s][i]; bb = bb + bau[s][i] end
      em[i], b[i] = e, bb
    end
    local mx, cum = em[1], 0
    for i = 2, 2030 - Y0 + 1 do if em[i] > mx then mx = em[i] end end
    local mar = { {}, {}, {}, {} }
    for i = 1, NY do
      if i >= 2 then cum = cum + em[i] end
      mar[1][i] = 250000 - em[i]
      mar[2][i] = 0.5 * em[1] - em[i]
      mar[3][i] = mx * 1.01 - em[i]
      mar[4][i] = 1e7 - cum
    end
    sink = sink + mar[1][NY] + mar[4][NY] + b[1]
  end
  print(string.format("%.1f", (clock() - t0) * 1e9 / n))
else
  local p = plan{ "bench", years = { Y0, Y1 } }
  for s = 1, NSEC do
    local pts = {}
    p:sector{ "sector " .. s, emissions = series.growth{ q(1000.0 * s, "tCO2e/yr"), from = Y0, rate = 0.01, to = Y1 } }
  end
  for m = 1, NMEA do
    p:measure{ "measure " .. m, sector = "sector " .. sector[m], start = start[m], full = full[m],
               abates = q(amount[m], "tCO2e/yr") }
  end
  p:target{ "at most", at_most = "250000 tCO2e/yr", by = 2050, every_year_after = true }
  p:target{ "reduce", reduce = "50 %", from = 2020, by = 2060 }
  p:target{ "peak", peak_by = 2030, tolerance = "1 %" }
  p:target{ "budget", budget = "1e7 tCO2e", over = { 2021, 2060 } }
  p:value("emissions", Y1)
  local t0 = clock()
  for k = 0, n - 1 do
    p:set("measure " .. (k % NMEA + 1), "scale", 1.0 + (k % 10) * 0.01)
    p:value("emissions", Y1)
  end
  print(string.format("%.1f", (clock() - t0) * 1e9 / n))
end
