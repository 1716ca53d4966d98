-- util.lua — small helpers the specs of tests/lua/ share (loaded with
-- dofile: not a spec itself, busted runs only *_spec.lua).
local util = {}

-- the whole content of a file
function util.slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

return util
