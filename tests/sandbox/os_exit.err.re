os_exit.lua:2: os.exit is not available
