io_open.lua:2: io is not available in the decarb sandbox
