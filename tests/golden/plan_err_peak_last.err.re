^plan_err_peak_last\.lua:4: target 'peak': peak_by = 2030 leaves no later year in the plan
