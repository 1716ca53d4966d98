^plan_err_fn_units\.lua:4: measure 'F': its function returned a value in 2020 in the wrong units: energy, but emissions rate \(CO2\) is needed
