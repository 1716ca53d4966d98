-- units_mismatch.lua: a unit mismatch outside pcall stops the script
-- with the line and exit code 4.
local pv = q"107 MW"
print(pv)
local wrong = pv + q"3 MWh"
print("not reached")
