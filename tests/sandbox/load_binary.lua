-- a binary chunk is refused by load, even without a mode
local chunk = "\27LuaT\0\25\147\13\10\26\10\4\8\8xV\0\0\0\0\0\0\0\0\0\0\0(w@\1"
local f, err = load(chunk)
print(f, err)
f, err = load(chunk, "x", "t")
print(f, err)
