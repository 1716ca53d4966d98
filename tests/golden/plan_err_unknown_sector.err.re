^plan_err_unknown_sector\.lua:4: measure 'Retrofit': unknown sector 'building' \(sectors: 'buildings'\)
