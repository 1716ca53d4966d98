^plan_err_missing_name\.lua:4: p:measure\{\.\.\.\} needs a name first
