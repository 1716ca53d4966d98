-- units_work.lua MODE N — one timed workload of the units benchmarks; prints
-- nanoseconds per operation. Runs under decarb, and (mode "numbers") under
-- lua5.4 and luajit too, so the same loop is timed everywhere.
local mode, n = arg[1], tonumber(arg[2]) or 1000000
local clock = os.clock
local t0, t1
if mode == "numbers" then -- a*b + c on plain Lua numbers
  local a, b, c = 1.5, 2.5, 0.0
  t0 = clock()
  for _ = 1, n do c = a * b + c end
  t1 = clock()
  assert(c > 0)
elseif mode == "quantities" then -- a*b + c on quantities (power * time + energy)
  local a, b, c = q"1.5 MW", q"2.5 h", q"0 MWh"
  t0 = clock()
  for _ = 1, n do c = a * b + c end
  t1 = clock()
  assert(c > q"0 MWh")
elseif mode == "parse_cached" then -- the same unit string again and again
  local x
  t0 = clock()
  for _ = 1, n do x = q"0.4772 kgCO2/kWh" end
  t1 = clock()
  assert(x)
elseif mode == "parse_uncached" then -- every string new: the cache always misses
  local texts, units = {}, { "MW", "kgCO2/kWh", "t CH4 / yr", "万tce", "yuan per kWh" }
  for i = 1, n do texts[i] = (i + 0.5) .. " " .. units[i % #units + 1] end
  local x
  t0 = clock()
  for i = 1, n do x = q(texts[i]) end
  t1 = clock()
  assert(x)
else
  error("unknown mode " .. tostring(mode))
end
print(string.format("%.2f", (t1 - t0) * 1e9 / n))
