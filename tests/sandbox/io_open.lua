-- a script may not open files itself
local f = io.open("pwned", "w")
f:write("x")
