-- margins end at the digit their value and bound end at (issue 20, item 8):
-- "margin 0.0041 pp" beside "24.6941 %", not "0.00410456 pp"
local p = plan{ "Margins", years = {2020, 2021} }
p:sector{ "all", emissions = "1234.5678 tCO2e/yr" }
p:capacity{ "PV", [2020] = "24.694105 MW", hours = "1500 h/yr" }
p:capacity{ "coal", [2020] = "75.305895 MW", hours = "4000 h/yr" }
p:target{ "PV share", share = "PV", of = "capacity", at_least = "24.69 %", by = 2021 }
p:target{ "cap", at_most = "1234.5 tCO2e/yr", by = 2021 }
p:target{ "far", at_most = "2000 tCO2e/yr", by = 2021 }
p:target{ "hair", at_most = "1234.56779 tCO2e/yr", by = 2021 }
return p
