load_binary_mode.lua:3: load: binary chunks are not allowed in decarb scripts
