os_getenv.lua:2: os.getenv is not available
