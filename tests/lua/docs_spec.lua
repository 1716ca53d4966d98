-- docs_spec.lua — the docs' examples run through the module in stock Lua:
-- every block of docs/module.md, the quantities, series, factors and plans
-- sections of docs/reference.md (after decarb.globals(), the same expected
-- output as in the host), and the examples give the host's output.
-- A block's `print(...) --> TEXT` lines are its expected output; a
-- `--> error: TEXT` line means it must fail with TEXT (as tests/docs/doctest.py).
local decarb_bin = assert(os.getenv("DECARB"), "DECARB: the decarb executable to compare with")

local slurp = dofile("tests/lua/util.lua").slurp

local function spit(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function sh_quote(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- runs a shell command; its exit code, stdout and stderr
local function run(cmd)
  local err = os.tmpname()
  local p = assert(io.popen(cmd .. " 2>" .. err))
  local out = p:read("a")
  local _, _, code = p:close()
  local e = slurp(err)
  os.remove(err)
  return code, out, e
end

-- the fenced blocks of a Markdown text: { lang, flag, line, code }
local function blocks(text)
  local out, cur, n = {}, nil, 0
  for line in (text .. "\n"):gmatch("(.-)\n") do
    n = n + 1
    if cur then
      if line:match("^```") then out[#out + 1] = cur; cur = nil
      else cur.code = cur.code .. line .. "\n" end
    else
      local lang, flag = line:match("^```(%S+)%s*(%S*)")
      if lang then cur = { lang = lang, flag = flag, line = n + 1, code = "" } end
    end
  end
  return out
end

local function expectations(code)
  local want, err = {}, nil
  for l in code:gmatch("[^\n]*") do
    local t = l:match("%-%-> (.*)$")
    if t and t:match("^error: ") then err = t:sub(8)
    elseif t and l:match("^%s*print%(") then want[#want + 1] = t:gsub("%s+$", "") end
  end
  return want, err
end

local function lines(s)
  local out = {}
  for l in s:gmatch("([^\n]*)\n") do out[#out + 1] = l:gsub("%s+$", "") end
  return out
end

-- runs the lua (and file-making sh) blocks of a doc in one temporary folder
local function doc_blocks(md, from_heading, prelude)
  local whole = slurp(md)
  local text = whole
  if from_heading then text = whole:sub((assert(whole:find("\n" .. from_heading .. "\n", 1, true)))) end
  local skipped = select(2, whole:sub(1, #whole - #text):gsub("\n", ""))
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir " .. sh_quote(dir)))
  for _, b in ipairs(blocks(text)) do
    local name = md .. ":" .. (b.line + skipped)
    if b.lang == "lua" and b.flag ~= "norun" then
      it(name, function()
        local fname = b.code:match("^%-%- file: (%S+)") or ("block" .. b.line .. ".lua")
        spit(dir .. "/" .. fname, b.code)
        local want, err = expectations(b.code)
        local code, out, e = run("cd " .. sh_quote(dir) .. " && lua5.4 " ..
                                 (prelude and ("-e " .. sh_quote(prelude) .. " ") or "") .. fname)
        if err then
          assert.are_not.equal(0, code)
          assert.truthy(e:find(err, 1, true), "stderr: " .. e)
        else
          assert.are.equal(0, code, e)
          local got = lines(out)
          if #want > 0 then
            for i = #got, #want + 1, -1 do got[i] = nil end
            assert.are.same(want, got)
          end
        end
      end)
    elseif b.lang == "sh" and b.flag ~= "norun" then
      -- the set-up lines (files for the examples); commands of the host are its docs test's
      for l in b.code:gmatch("[^\n]+") do
        if not l:find("decarb", 1, true) and not l:match("^%s*#") then
          assert(os.execute("cd " .. sh_quote(dir) .. " && " .. l))
        end
      end
    end
  end
  teardown(function() os.execute("rm -rf " .. sh_quote(dir)) end)
end

describe("docs/module.md", function()
  doc_blocks("docs/module.md")
end)

describe("docs/reference.md in stock Lua", function()
  doc_blocks("docs/reference.md", "## Quantities", 'require("decarb").globals()')
end)

describe("examples/ in stock Lua print what the host prints", function()
  local list = assert(io.popen("ls examples/*.lua examples/intro/*.lua"))
  for f in list:lines() do
    it(f, function()
      local hc, hout, herr = run(sh_quote(decarb_bin) .. " " .. f)
      local lc, lout, lerr = run("lua5.4 -e 'require(\"decarb\").globals()' " .. f)
      assert.are.same({ hc, hout, herr }, { lc, lout, lerr })
    end)
  end
  list:close()
end)
