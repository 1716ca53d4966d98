-- under decarb check (see .cmd) a looping finalizer ends the process after
-- the report, with the limit's exit code
setmetatable({}, {__gc = function() while true do end end})
local p = plan{"r", years = {2020, 2021}}
p:sector{"s", emissions = "100 tCO2e/yr"}
