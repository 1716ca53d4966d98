-- the string metatable cannot be reached or changed
getmetatable("").__index = function() return "pwned" end
