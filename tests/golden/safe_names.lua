-- names with control characters or invalid UTF-8 are refused by every
-- plan constructor (they would reach the terminal in the report)
local bad = {
  esc = "x\27]0;pwned\7", cr = "fake\rline", bel = "ding\7", nul = "a\0b", del = "d\127",
  c1 = "csi\194\155", utf8 = "bad\255utf8", overlong = "\192\175",
}
local function try(what, f)
  local ok, err = pcall(f)
  print(what, ok, (tostring(err):gsub("^[^:]*:%d+: ", "")))
end
for _, k in ipairs{"esc", "cr", "bel", "nul", "del", "c1", "utf8", "overlong"} do
  try("plan " .. k, function() return plan{bad[k], years = {2020, 2030}} end)
end
local p = plan{"ok ✓ 中文", years = {2020, 2030}}
p:sector{"s", emissions = "100 tCO2e/yr"}
local n = bad.esc
try("sector", function() p:sector{n, emissions = "1 tCO2e/yr"} end)
try("capacity", function() p:capacity{n, [2020] = "1 MW"} end)
try("metric", function() p:metric{n, q"1 t"} end)
try("measure", function() p:measure{n, sector = "s", abates = "1 tCO2e/yr"} end)
try("target", function() p:target{n, at_most = "1 tCO2e/yr", by = 2030} end)
try("scenario", function() p:scenario{n} end)
try("source", function() p:sector{"s2", emissions = "1 tCO2e/yr", source = bad.cr} end)
try("region", function() plan{"r", years = {2020, 2030}, region = bad.bel} end)
try("reference", function() p:measure{"m", sector = n, abates = "1 tCO2e/yr"} end)
try("field", function() p:sector{"s3", emissions = "1 tCO2e/yr", [n] = 1} end)
try("value", function() return p:value(n, 2025) end)
print(p)
