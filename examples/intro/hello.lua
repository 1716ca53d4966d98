-- hello.lua — the smallest decarb script: a quantity, converted and printed.
-- Run it with: decarb examples/intro/hello.lua
local gen = q"107 MW" * q"1500 h"          -- a 107 MW park running 1,500 full-load hours
print("generation:", gen)                   --> 160.5 GWh
print("in MWh:    ", gen:to"MWh")           --> 160500 MWh
print("1 tce is   ", q"1 tce":to"kWh")      --> 8141 kWh
