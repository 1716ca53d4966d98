^plan_err_unknown_field\.lua:4: p:target\{\.\.\.\}: unknown field 'evry_year_after' \(fields: 
