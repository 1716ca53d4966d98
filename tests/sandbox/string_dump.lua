-- no bytecode can be made
local code = string.dump(function() return 1 end)
