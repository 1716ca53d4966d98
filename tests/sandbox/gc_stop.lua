-- the collector cannot be stopped
collectgarbage("stop")
