-- a script that never ends: check stops it
local p = plan{ "x", years = {2020, 2021} }
while true do end
