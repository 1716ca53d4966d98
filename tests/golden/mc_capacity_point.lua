-- a capacity's [YEAR] = point cannot be uncertain: the error names the
-- alternative (capacity = uncertain{...}, which works)
local p = plan{ "c", years = {2020, 2030} }
p:capacity{ "PV", capacity = uncertain{ "300 MW", low = "200 MW", high = "400 MW" }, hours = "1200 h/yr" }
print(#p:montecarlo{ n = 10 }.inputs)
p:capacity{ "wind", [2020] = "100 MW", [2025] = uncertain{ "300 MW", low = "200 MW", high = "400 MW" }, hours = "2000 h/yr" }
