debug_lib.lua:2: debug is not available in the decarb sandbox
