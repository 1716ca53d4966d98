-- the debug library can reach every upvalue and the registry
local reg = debug.getregistry()
