-- a finalizer that allocates without end, run when the state is closed
setmetatable({}, {__gc = function()
  local t = {}
  while true do t[#t + 1] = string.rep("x", 1000000) .. #t end
end})
print("script done")
