^plan_err_missing_kind\.lua:4: measure 'Retrofit': give exactly one of abates =, saves = or adds =
