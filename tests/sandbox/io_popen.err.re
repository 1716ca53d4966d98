io_popen.lua:2: io is not available
