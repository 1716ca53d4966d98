-- TAP escapes a carriage return and every control character in descriptions
local p = plan{ "CR\rplan", years = {2020, 2021} }
p:sector{ "all", emissions = "10 tCO2e/yr" }
p:target{ "tab\there\rcr #1", at_most = "5 tCO2e/yr", by = 2021 }
