os_execute.lua:2: os.execute is not available in the decarb sandbox
