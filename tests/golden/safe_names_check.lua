-- a target name that would clear the screen and fake a verdict in the
-- report of decarb check: refused where it is given, nothing printed
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
p:target{"\27[2J\27[H\rALL TARGETS MET\n", at_most = "1 tCO2e/yr", by = 2030}
