-- a runtime error: message at the line, then the script's own frames
print("before the error")
local function inner(x) return x.field end
local function outer() local v = inner(nil) return v end
outer()
