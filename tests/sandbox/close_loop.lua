-- a __close handler that never ends is stopped by the time limit
do
  local x <close> = setmetatable({}, {__close = function() while true do end end})
end
print("not reached")
