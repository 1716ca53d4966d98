^plan_err_measure_units\.lua:4: measure 'M': it abates in units other than the plan's emissions
