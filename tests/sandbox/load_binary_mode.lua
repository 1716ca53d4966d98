-- asking for binary mode is an error at the line that asks
local chunk = "\27LuaT\0"
local f = load(chunk, "x", "b")
