-- CJK, emoji and combining-mark names in the aligned columns of the text
-- report: each column is padded by display width (utf8.h), a wide
-- character two columns, a combining mark none
local p = plan{ "城市", years = {2020, 2022} }
p:sector{ "建筑", emissions = "100 tCO2e/yr" }
p:sector{ "交通", emissions = "40 tCO2e/yr" }
p:metric{ "排放🌿", function(y, v) return v.emissions end, unit = "tCO2e/yr" }
p:metric{ "Cafe\u{301} 电", function(y, v) return v.emissions end, unit = "tCO2e/yr" }
p:measure{ "🌞 光伏", sector = "建筑", abates = "12 tCO2e/yr", start = 2021 }
p:measure{ "公交", sector = "交通", abates = "10 tCO2e/yr", start = 2021 }
p:target{ "减排", at_most = "150 tCO2e/yr", by = 2022 }
p:target{ "电 ≤ 150", metric = "Cafe\u{301} 电", at_most = "150 tCO2e/yr", by = 2022 }
p:target{ "排放 ≤ 150", metric = "排放🌿", at_most = "150 tCO2e/yr", by = 2022 }
return p
