-- annotations_spec.lua — types/decarb.lua and types/host/globals.lua (the
-- LuaLS annotations) name exactly the Lua-visible functions: the module's,
-- its tables', the methods of the three types and the host's globals. The
-- cousin of tests/unit/test_reference.c, which checks docs/reference.md.
local decarb = require "decarb"

local slurp = dofile("tests/lua/util.lua").slurp

-- every function-valued string key of t, as prefix .. sep .. key
local function functions_of(t, prefix, sep, into)
  for k, v in pairs(t) do
    if type(k) == "string" and type(v) == "function" and not k:match("^__") then
      into[prefix .. sep .. k] = true
    end
  end
end

-- what Lua can reach: the names as the annotation file spells them
local function live_names()
  local names = {}
  for k, v in pairs(decarb) do
    if type(v) == "function" then names["decarb." .. k] = true
    elseif type(v) == "table" then functions_of(v, k, ".", names) end
  end
  local reg = debug.getregistry()
  for tname, short in pairs { ["decarb.Quantity"] = "Quantity", ["decarb.Series"] = "Series",
                              ["decarb.Plan"] = "Plan", ["decarb.Uncertain"] = "Uncertain" } do
    local mt = assert(reg[tname], tname .. " is not registered")
    -- the places a binding keeps methods (as test_reference.c looks)
    if type(mt.methods) == "table" then functions_of(mt.methods, short, ":", names) end
    if type(mt.__index) == "table" then functions_of(mt.__index, short, ":", names)
    elseif type(mt.__index) == "function" then
      for i = 1, math.huge do
        local n, up = debug.getupvalue(mt.__index, i)
        if not n then break end
        if type(up) == "table" then functions_of(up, short, ":", names) end
      end
    end
  end
  return names
end

local function annotated_functions(text)
  local names = {}
  for line in text:gmatch("[^\n]+") do
    local name = line:match("^function ([%w_]+[.:][%w_]+)%(")
    if name then names[name] = true end
  end
  return names
end

local function difference(a, b)
  local out = {}
  for k in pairs(a) do if not b[k] then out[#out + 1] = k end end
  table.sort(out)
  return table.concat(out, ", ")
end

describe("the LuaLS annotations", function()
  local text = slurp("types/decarb.lua")
  local host = slurp("types/host/globals.lua")

  it("are a ---@meta file for require 'decarb' that returns the module", function()
    assert.truthy(text:match("^%-%-%-@meta decarb\n"))
    assert.truthy(text:match("\nreturn decarb\n$"))
    assert.truthy(host:match("^%-%-%-@meta\n"))
  end)

  it("annotate every Lua-visible function", function()
    assert.are.equal("", difference(live_names(), annotated_functions(text)))
  end)

  it("name no function that does not exist", function()
    assert.are.equal("", difference(annotated_functions(text), live_names()))
  end)

  it("declare the three types and the module's tables as classes", function()
    for _, class in ipairs { "decarb.Quantity", "decarb.Series", "decarb.Plan", "decarb" } do
      assert.truthy(text:match("\n%-%-%-@class " .. class:gsub("%.", "%%.") .. "\n"), class)
    end
    for k, v in pairs(decarb) do
      if type(v) == "table" then
        assert.truthy(text:match("\n%-%-%-@field " .. k .. " decarb%." .. k .. "\n"), k)
        assert.truthy(text:match("\n%-%-%-@class decarb%." .. k .. "\n"), k)
      end
    end
  end)

  it("declare the host's globals and no others", function()
    local declared = {}
    for line in host:gmatch("[^\n]+") do
      local name = line:match("^function ([%w_]+)%(") or line:match("^([%w_]+) = ")
      if name then declared[name] = true end
    end
    local globals = {}
    for k in pairs(decarb.globals({})) do globals[k] = true end
    assert.are.equal("", difference(globals, declared))
    assert.are.equal("", difference(declared, globals))
  end)
end)
