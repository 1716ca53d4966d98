require_c_module.lua:2: module 'socket.core' not found: looked for socket/core.lua beside the script
