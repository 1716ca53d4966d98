-- a plan, and a finalizer that allocates without end when the state is
-- closed: decarb check ends with exit 5 and leaves no partial report
local p = plan{ "r", years = {2020, 2021} }
p:sector{ "s", emissions = "10 tCO2e/yr" }
p:target{ "low", at_most = "20 tCO2e/yr", by = 2021 }
setmetatable({}, {__gc = function()
  local t = {}
  while true do t[#t + 1] = string.rep("x", 1000000) .. #t end
end})
