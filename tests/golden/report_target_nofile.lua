-- a target defined through pcall has no line of its own (the caller is C):
-- every format names the plan's file for it, and no line
local p = plan{ "No line", years = {2020, 2022} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
assert(pcall(p.target, p, { "at most 20 t", at_most = "20 tCO2e/yr", by = 2022 }))
return p
