-- module_spec.lua — decarb.so from stock Lua 5.4: require, the tables it
-- returns, no globals unless asked, the types working outside the host.
local decarb = require "decarb"

describe("require 'decarb'", function()
  it("returns the module with q, units, series, factors, plan and globals", function()
    assert.are.equal("function", type(decarb.q))
    assert.are.equal("function", type(decarb.globals))
    for _, k in ipairs { "units", "series", "factors", "plan" } do
      assert.are.equal("table", type(decarb[k]), k)
    end
  end)

  it("converts as the host does", function()
    assert.are.equal("8141 kWh", tostring(decarb.q"1 tce":to"kWh"))
    assert.are.equal("160.5 GWh", tostring(decarb.q"107 MW" * decarb.q"1500 h"))
    assert.are.equal("107 MW", tostring(107 * decarb.units.MW))
  end)

  it("sets no globals", function()
    for _, k in ipairs { "q", "units", "series", "factors", "plan" } do
      assert.is_nil(rawget(_G, k), k)
    end
  end)

  it("leaves a global q of the program's own as it was", function()
    local p = assert(io.popen([[lua5.4 -e 'q = "mine"; local d = require "decarb"; ]] ..
                              [[print(q, type(d.q), rawget(_G, "units"))' 2>&1]]))
    local out = p:read("a")
    p:close()
    assert.are.equal("mine\tfunction\tnil\n", out)
  end)

  it("is loaded once: a second require gives the same tables", function()
    package.loaded.decarb = nil
    local again = require "decarb"
    assert.are.equal(decarb, again)
    assert.are.equal(decarb.q, again.q)
  end)

  it("raises errors at the caller's line, with the reason", function()
    local line = debug.getinfo(1, "l").currentline + 1
    local ok, err = pcall(function() return decarb.q"5 MW" + decarb.q"3 MWh" end)
    assert.is_false(ok)
    assert.are.equal("tests/lua/module_spec.lua:" .. line .. ": cannot add 5 MW (power) and 3 MWh (energy)", err)
    ok, err = pcall(decarb.q, "3 kwh")
    assert.is_false(ok)
    assert.truthy(err:find("did you mean 'kWh'", 1, true), err)
  end)

  it("keeps the types' metatables from scripts", function()
    assert.are.equal("decarb.Quantity", getmetatable(decarb.q"1 MW"))
    assert.are.equal("decarb.Series", getmetatable(decarb.series.const { "1 MW", from = 2020, to = 2021 }))
    assert.are.equal("decarb.Plan", getmetatable(decarb.plan { "x", years = { 2020, 2021 } }))
  end)
end)

describe("decarb.globals", function()
  it("sets q, units, series, factors and plan in a given table and returns it", function()
    local env = {}
    assert.are.equal(env, decarb.globals(env))
    assert.are.equal(decarb.q, env.q)
    assert.are.equal(decarb.plan, env.plan)
    assert.is_nil(rawget(_G, "q"))
  end)

  it("sets them in the global table without an argument", function()
    local g = decarb.globals()
    assert.are.equal(_G, g)
    assert.are.equal(decarb.series, rawget(_G, "series"))
    assert.are.equal("10 MWh", tostring(load("return q'5 MW' * q'2 h'")()))
    for _, k in ipairs { "q", "units", "series", "factors", "plan" } do _G[k] = nil end
  end)

  it("refuses a non-table", function()
    local ok, err = pcall(decarb.globals, 5)
    assert.is_false(ok)
    assert.truthy(err:find("table expected, got number", 1, true), err)
  end)
end)

describe("the module outside the host", function()
  local tmp = os.tmpname()
  after_each(function() os.remove(tmp) end)

  it("reads a CSV file by any path, as io.open would", function()
    local f = assert(io.open(tmp, "w"))
    f:write("year,wind\n2020,100\n2023,160\n")
    f:close()
    local s = decarb.series.csv(tmp, { value = "wind", unit = "MW" })
    assert.are.equal("series 2020..2023 (MW): 2020 100, 2021 120, 2022 140, 2023 160", tostring(s))
  end)

  it("reads the embedded reference data", function()
    local g, info = decarb.factors.grid { "CN-Gansu", year = 2022 }
    assert.are.equal("0.4772 kgCO2/kWh", tostring(g))
    assert.are.equal("CN-Northwest", info.grid)
  end)

  it("evaluates a plan: check, value, series, set", function()
    local p = decarb.plan { "Spec city", years = { 2020, 2030 } }
    p:sector { "buildings", emissions = "100 tCO2e/yr" }
    p:measure { "Retrofit", sector = "buildings", abates = "30 tCO2e/yr", start = 2021, full = 2023 }
    p:target { "-40 % by 2030", reduce = "40 %", from = 2020, by = 2030 }
    assert.are.equal("70 tCO2e/yr", tostring(p:value("emissions", 2030)))
    assert.are.equal("80 tCO2e/yr", tostring(p:series("emissions")[2022]))
    local r = p:check()
    assert.are.same({ "plan", 0, 1 }, { r.scenario, r.met, r.total })
    assert.is_true(p:set("Retrofit", "abates", "45 tCO2e/yr"):check().targets[1].met)
  end)

  it("does not keep plans alive that the program dropped", function()
    local function make(n)
      for i = 1, n do
        local p = decarb.plan { "tmp " .. i, years = { 2020, 2030 } }
        p:sector { "s", emissions = "1 tCO2e/yr" }
      end
    end
    make(200)
    collectgarbage(); collectgarbage()
    local before = collectgarbage("count")
    make(5000)
    collectgarbage(); collectgarbage()
    -- 5,000 plans listed for good would hold several MiB
    assert.is_true(collectgarbage("count") - before < 256, collectgarbage("count") - before)
  end)
end)
