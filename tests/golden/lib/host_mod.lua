loads = (loads or 0) + 1
local M = {}
function M.greet(who) return "hello " .. who end
return M
