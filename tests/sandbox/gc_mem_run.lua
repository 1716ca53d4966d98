-- a finalizer that allocates without end, run during the script: its memory
-- error is swallowed by Lua, but the run stops at the next instruction
setmetatable({}, {__gc = function()
  local t = {}
  while true do t[#t + 1] = string.rep("x", 1000000) .. #t end
end})
collectgarbage()
print("not reached")
