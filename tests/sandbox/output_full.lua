-- output_full.cmd checks this plan with --output on a full disk (a file
-- size limit) and on /dev/full: exit 2, a message, the old report kept
local p = plan{"r", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
for i = 1, 40 do p:measure{"measure number " .. i, sector = "s", abates = "1 tCO2e/yr"} end
p:target{"t", reduce = "10 %", from = 2020, by = 2030}
