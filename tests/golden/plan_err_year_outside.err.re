^plan_err_year_outside\.lua:4: target 'late': year 2040 is outside the plan's years 2020-2030
