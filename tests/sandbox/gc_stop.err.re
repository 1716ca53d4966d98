gc_stop.lua:2: collectgarbage\("stop"\) is not available in the decarb sandbox
