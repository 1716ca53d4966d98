-- a chunk made by load sees the same sandbox, not the real globals
local env = load("return _ENV")()
print(env == _G, rawget(env, "io"), rawget(env, "os") == os)
print(getmetatable(_G))
local open = load("return io.open")()
