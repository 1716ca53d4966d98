-- nor can coroutines, each holding memory of its own
local cos = {}
for i = 1, math.huge do
  local co = coroutine.create(function() local t = {} for j = 1, 1000 do t[j] = j end coroutine.yield(t) end)
  coroutine.resume(co)
  cos[i] = co
end
