-- C modules cannot be required: only Lua files beside the script
local socket = require "socket.core"
