package_loadlib.lua:2: package is not available
