load_binary_mode_bt.lua:2: load: binary chunks are not allowed
