-- scenarios (BAU, plan, add / drop / change), ramps and wedges
local p = plan{ "Scenarios", years = {2020, 2026} }
p:sector{ "buildings", emissions = "100 tCO2e/yr" }
p:sector{ "transport", emissions = "50 tCO2e/yr" }
p:measure{ "Retrofit", sector = "buildings", abates = "30 tCO2e/yr", start = 2021, full = 2024 }
p:measure{ "Buses", sector = "transport", abates = "10 tCO2e/yr", start = 2023 }
p:measure{ "Bikes", sector = "transport", abates = "5 tCO2e/yr", start = 2020, stop = 2022 }
p:scenario{ "fast", change = { Retrofit = { full = 2022 }, Buses = { abates = "20 tCO2e/yr" } },
            drop = { "Bikes" }, add = { { "Heat pumps", sector = "buildings", abates = "10 tCO2e/yr", start = 2025 } } }
p:scenario{ "nothing", drop = { "Retrofit", "Buses", "Bikes" } }

for _, s in ipairs(p.scenarios) do
  local e = p:series("emissions", s)
  local row = {}
  for y = 2020, 2026 do row[#row + 1] = ("%g"):format(e[y]:value"tCO2e/yr") end
  print(("%-8s %s"):format(s, table.concat(row, " ")))
end
for _, s in ipairs{ "plan", "fast" } do
  local w, gap = p:wedges(s), p:series("abatement", s)
  local names = {}
  for k in pairs(w) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local row = {}
    for y = 2020, 2026 do
      local g = gap[y]:value"tCO2e/yr"
      row[#row + 1] = ("%g/%s"):format(w[k][y]:value"tCO2e/yr", g == 0 and "-" or ("%.0f%%"):format(100 * w[k][y]:value"tCO2e/yr" / g))
    end
    print(("%-5s %-10s %s"):format(s, k, table.concat(row, " ")))
  end
end
return p
