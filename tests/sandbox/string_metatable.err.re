string_metatable.lua:2: attempt to index a boolean value
