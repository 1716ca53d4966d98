^host_shebang.lua:3: on line three$
