-- energy_gases: sectors of other gases in their own units, made CO2e by the
-- plan's GWP set (docs/energy.md, worked example "Other gases"): 5 kt CH4,
-- 20 t N2O and 1 t SF6 a year; AR6: 5,000 x 27.9 + 20 x 273 + 1 x 24,300 =
-- 169,260 tCO2e; AR5: 140,000 + 5,300 + 23,500 = 168,800 tCO2e
for _, set in ipairs{ "AR6", "AR5" } do
  local p = plan{ "gases " .. set, years = {2025, 2025}, gwp = set }
  p:sector{ "landfill", emissions = "5 kt CH4/yr" }
  p:sector{ "fertiliser", emissions = "20 t N2O/yr" }
  p:sector{ "switchgear", emissions = "1 t/yr", gas = "SF6" }
  local function v(m, unit) return string.format("%.3f", p:value(m, 2025):value(unit)) end
  print(set, "emissions", v("emissions", "tCO2e/yr"), "ch4", v("ch4", "t CH4/yr"), "n2o", v("n2o", "t N2O/yr"),
        "co2", v("co2", "tCO2/yr"), "landfill", v("landfill", "tCO2e/yr"))
end
