^strict_budget_rate\.lua:4: target 'budget': a budget is an amount summed over its years, not a rate \(give e\.g\. "10 MtCO2e", not "10 MtCO2e/yr"\)
