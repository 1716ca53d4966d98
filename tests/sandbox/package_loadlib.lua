-- nor load a shared library
local f = package.loadlib("libc.so.6", "system")
f("touch pwned")
