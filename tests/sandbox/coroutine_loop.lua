-- a loop inside a coroutine is stopped too: each coroutine carries a hook
local co = coroutine.create(function() while true do end end)
print(coroutine.resume(co))
