-- decarb seek: a share target and two measures
local p = plan{"Jiaxi", years = {2020, 2025}}
p:sector{"power", emissions = "1000 tCO2e/yr"}
p:capacity{"PV", capacity = "100 MW", hours = "1200 h/yr"}
p:capacity{"coal", capacity = "400 MW", hours = "4000 h/yr"}
p:measure{"Jiaxi PV park", adds = {PV = "20 MW"}, start = 2023}
p:measure{"Retrofit", sector = "power", abates = "100 tCO2e/yr", start = 2021}
p:target{"PV share", share = "PV", of = "capacity", at_least = "30 %", by = 2025}
p:target{"at most 800", at_most = "800 tCO2e/yr", by = 2025}
