-- require loads a Lua file beside the script, once
local m = require "lib.host_mod"
local again = require "lib.host_mod"
print(m.greet("Zhangye"), m == again, loads)
