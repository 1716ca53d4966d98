setmetatable_G.lua:2: cannot change a protected metatable
