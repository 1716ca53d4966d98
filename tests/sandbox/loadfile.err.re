loadfile.lua:2: loadfile is not available
