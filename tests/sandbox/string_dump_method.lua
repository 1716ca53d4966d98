-- not through the string metatable either
local code = ("x").dump(print)
