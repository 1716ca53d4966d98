-- "bt" asks for binary too
local f = load("return 1", "x", "bt")
