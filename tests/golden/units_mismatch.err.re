^units_mismatch.lua:5: cannot add 107 MW \(power\) and 3 MWh \(energy\)$
