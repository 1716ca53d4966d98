-- check with a syntax error
local p = plan{ "x", years = {2020, 2021} 
