os_remove.lua:2: os.remove is not available
