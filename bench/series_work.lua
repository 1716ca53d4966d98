-- series_work.lua MODE N — one timed workload of the series benchmarks:
-- element-wise a*b + c on 41-year series (2010..2050); prints nanoseconds
-- per a*b + c (one whole 41-year evaluation). Modes "tables" and "fused" are
-- plain Lua, so the same code runs under decarb, lua5.4 and luajit.
local mode, n = arg[1], tonumber(arg[2]) or 100000
local clock = os.clock
local YEARS = 41
local t0, t1, check
if mode == "series" then -- decarb series: unit-checked, native kernels
  local a = series{ [2010] = 100, [2050] = 500, unit = "MW" }
  local b = series{ [2010] = 1500, [2050] = 1800, unit = "h" }
  local c = series{ [2010] = "0 MWh", [2050] = "0 MWh" }
  local r
  t0 = clock()
  for _ = 1, n do r = a * b + c end
  t1 = clock()
  check = r[2050]:value"MWh"
elseif mode == "tables" then -- pure Lua tables, one function per operation
  local function mul(x, y)
    local r = {}
    for i = 1, #x do r[i] = x[i] * y[i] end
    return r
  end
  local function add(x, y)
    local r = {}
    for i = 1, #x do r[i] = x[i] + y[i] end
    return r
  end
  local a, b, c = {}, {}, {}
  for i = 1, YEARS do a[i] = 100 + 10 * (i - 1); b[i] = 1500 + 7.5 * (i - 1); c[i] = 0 end
  local r
  t0 = clock()
  for _ = 1, n do r = add(mul(a, b), c) end
  t1 = clock()
  check = r[YEARS]
elseif mode == "fused" then -- pure Lua tables, one fused loop (no units, no checks)
  local a, b, c = {}, {}, {}
  for i = 1, YEARS do a[i] = 100 + 10 * (i - 1); b[i] = 1500 + 7.5 * (i - 1); c[i] = 0 end
  local r
  t0 = clock()
  for _ = 1, n do
    r = {}
    for i = 1, YEARS do r[i] = a[i] * b[i] + c[i] end
  end
  t1 = clock()
  check = r[YEARS]
else
  error("unknown mode " .. tostring(mode))
end
assert(math.abs(check - 900000) < 1e-6, "wrong result " .. tostring(check))
print(string.format("%.2f", (t1 - t0) * 1e9 / n))
