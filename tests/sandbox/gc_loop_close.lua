-- a finalizer that never ends, run when the state is closed (Lua runs
-- finalizers with hooks off): the time limit still ends the process
setmetatable({}, {__gc = function() while true do end end})
print("script done")
