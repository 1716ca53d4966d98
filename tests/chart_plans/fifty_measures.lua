-- chart edge case: 50 measures in the wedge chart (tests/chart_report.test.sh)
local p = plan{ "Fifty measures 五十项措施", years = {2020, 2040} }
p:sector{ "all", emissions = "5000 tCO2e/yr" }
for i = 1, 50 do
  p:measure{ string.format("Measure %02d 措施", i), sector = "all", abates = string.format("%d tCO2e/yr", 10 + i),
             start = 2020 + i % 10, full = 2030 + i % 10 }
end
p:target{ "At most 3,500 t by 2040", at_most = "3500 tCO2e/yr", by = 2040 }
return p
