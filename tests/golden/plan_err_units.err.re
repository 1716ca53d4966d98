^plan_err_units\.lua:4: target 'wrong': the bound's units do not match metric 'emissions' \(give it in units like tCO2e/yr\)
