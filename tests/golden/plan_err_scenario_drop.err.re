^plan_err_scenario_drop\.lua:4: scenario 's': drop names no measure of the plan: 'Nope'
